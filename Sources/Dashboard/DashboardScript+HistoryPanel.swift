extension DashboardScript {
    /// The history panel: a time range of a topic's events from `/events`, a page at a
    /// time (`next_cursor`), and the same range as NDJSON or CSV downloads.
    static let historyPanel = #"""
        // `datetime-local` values are local times without a zone; the API wants RFC 3339.
        function localInputValue(date) {
          return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
        }

        function rfc3339(inputValue) {
          const date = new Date(inputValue);
          return Number.isNaN(date.getTime()) ? null : date.toISOString();
        }

        class HistoryPanel {
          constructor(elements) {
            Object.assign(this, elements);
            this.api = null;
            this.topic = null;
            this.form.addEventListener('submit', (event) => {
              event.preventDefault();
              this.firstPage = this.query({ limit: 100 });
              this.load(this.firstPage);
            });
            // A cursor belongs to the query it came from: the next pages repeat that query
            // whatever the form says meanwhile.
            this.next.addEventListener('click', () => this.load(`${this.firstPage}&cursor=${encodeURIComponent(this.nextCursor)}`));
            this.from.addEventListener('change', () => this.updateLinks());
            this.to.addEventListener('change', () => this.updateLinks());
            for (const [link, format] of [[this.ndjson, 'ndjson'], [this.csv, 'csv']]) {
              link.addEventListener('click', (event) => { event.preventDefault(); this.download(format); });
            }
          }

          show(api, topic) {
            Object.assign(this, { api, topic, nextCursor: null });
            this.from.value = localInputValue(new Date(Date.now() - 15 * 60000));
            this.to.value = '';
            this.rows.replaceChildren();
            this.next.disabled = true;
            this.error.textContent = '';
            this.updateLinks();
          }

          query(extra) {
            const params = new URLSearchParams();
            const from = rfc3339(this.from.value), to = rfc3339(this.to.value);
            if (from) params.set('from-time', from);
            if (to) params.set('to-time', to);
            for (const [key, value] of Object.entries(extra)) params.set(key, value);
            return `${topicPath(this.topic)}/events?${params}`;
          }

          updateLinks() {
            this.ndjson.href = this.query({ format: 'ndjson' });
            this.csv.href = this.query({ format: 'csv' });
          }

          async load(query) {
            const topic = this.topic;
            this.error.textContent = '';
            try {
              const { body } = await this.api.json(query);
              if (topic !== this.topic) return;
              this.render(body.data);
              this.nextCursor = body.next_cursor;
              this.next.disabled = !this.nextCursor;
            } catch (error) {
              if (topic === this.topic) this.error.textContent = error.message;
            }
          }

          render(events) {
            const lines = events.map((event) => {
              const line = document.createElement('tr');
              for (const value of [event.position, event.op, event.committed_at]) line.insertCell().textContent = cellText(value);
              const row = line.insertCell();
              row.className = 'json';
              row.textContent = cellText(event.row);
              return line;
            });
            if (lines.length === 0) {
              const line = document.createElement('tr');
              const cell = line.insertCell();
              cell.colSpan = 4;
              cell.textContent = 'no events in this range';
              lines.push(line);
            }
            this.rows.replaceChildren(...lines);
          }

          // A link cannot carry the Authorization header: fetch, then save the blob.
          async download(format) {
            this.error.textContent = '';
            try {
              const response = await this.api.get(this.query({ format }), '*/*');
              const url = URL.createObjectURL(await response.blob());
              const link = document.createElement('a');
              link.href = url;
              link.download = `${this.topic}-events.${format}`;
              document.body.appendChild(link);
              link.click();
              link.remove();
              setTimeout(() => URL.revokeObjectURL(url), 60000);
            } catch (error) {
              this.error.textContent = error.message;
            }
          }
        }

        """#
}
