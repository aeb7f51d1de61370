extension DashboardScript {
    /// The live table: the topic's rows by key columns, a snapshot then every change in
    /// position order (INSERT and UPDATE put the row, DELETE removes it), newest first.
    static let liveTable = #"""
        function cellText(value) {
          if (value === null || value === undefined) return '';
          return typeof value === 'object' ? JSON.stringify(value) : String(value);
        }

        class LiveTable {
          constructor(table, countLabel) {
            Object.assign(this, { table, countLabel, kept: 2000, shown: 200 });
            this.reset([], [], []);
          }

          reset(columns, keyColumns, rows) {
            this.columns = columns;
            this.keyColumns = keyColumns;
            this.rows = new Map();
            this.changed = new Set();
            this.serial = 0;
            for (const row of rows) this.put(row);
            this.changed.clear();
            this.renderHead();
          }

          keyOf(row) {
            if (this.keyColumns.length === 0 || row === null || typeof row !== 'object') return `#${this.serial++}`;
            return JSON.stringify(this.keyColumns.map((column) => row[column]));
          }

          put(row) {
            const key = this.keyOf(row);
            this.rows.delete(key);
            this.rows.set(key, row);
            this.changed.add(key);
            while (this.rows.size > this.kept) this.rows.delete(this.rows.keys().next().value);
          }

          apply(op, row) {
            if (op === 'DELETE') this.rows.delete(this.keyOf(row));
            else this.put(row);
          }

          renderHead() {
            const head = this.table.tHead;
            head.replaceChildren();
            const line = head.insertRow();
            for (const column of this.columns) line.appendChild(document.createElement('th')).textContent = column;
          }

          render() {
            const body = this.table.tBodies[0];
            const lines = [];
            for (const [key, row] of [...this.rows].reverse().slice(0, this.shown)) {
              const line = document.createElement('tr');
              line.dataset.key = key;
              if (this.changed.has(key)) line.className = 'changed';
              for (const column of this.columns) {
                const cell = line.insertCell();
                cell.textContent = cellText(row !== null && typeof row === 'object' ? row[column] : row);
              }
              lines.push(line);
            }
            body.replaceChildren(...lines);
            this.changed.clear();
            const hidden = this.rows.size - lines.length;
            this.countLabel.textContent = `${this.rows.size} rows` + (hidden > 0 ? ` (newest ${lines.length} shown)` : '');
          }
        }

        """#
}
