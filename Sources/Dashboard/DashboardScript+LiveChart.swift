extension DashboardScript {
    /// The live chart: the last samples of one numeric column as inline SVG lines, one per
    /// value of an optional series column (e.g. one line per sensor).
    static let liveChart = #"""
        const SVG = 'http://www.w3.org/2000/svg';
        const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d', '#7c3aed', '#0d9488'];

        function svgElement(name, attributes, text) {
          const element = document.createElementNS(SVG, name);
          for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
          if (text !== undefined) element.textContent = text;
          return element;
        }

        class LiveChart {
          constructor(svg) {
            Object.assign(this, { svg, capacity: 150, width: 640, height: 220 });
            this.reset(null, null);
          }

          reset(column, seriesColumn) {
            this.column = column;
            this.seriesColumn = seriesColumn;
            this.samples = [];
            this.colors = new Map();
            this.count = 0;
          }

          add(row) {
            if (!this.column || row === null || typeof row !== 'object') return;
            const raw = row[this.column];
            const value = Number(raw);
            if (raw === null || raw === undefined || raw === '' || !Number.isFinite(value)) return;
            const series = this.seriesColumn ? cellText(row[this.seriesColumn]) : this.column;
            if (!this.colors.has(series)) this.colors.set(series, PALETTE[this.colors.size % PALETTE.length]);
            this.samples.push({ n: this.count++, series, value });
            if (this.samples.length > this.capacity) this.samples.shift();
          }

          render() {
            const { width, height } = this;
            const plot = { left: 56, right: width - 10, top: 10, bottom: height - 44 };
            const children = [
              svgElement('line', { class: 'axis', x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom }),
              svgElement('line', { class: 'axis', x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom }),
            ];
            this.svg.dataset.samples = String(this.count);
            if (this.samples.length === 0) {
              children.push(svgElement('text', { x: plot.left + 8, y: (plot.top + plot.bottom) / 2 }, this.column ? `waiting for ${this.column} values` : 'no numeric column'));
              this.svg.replaceChildren(...children);
              return;
            }
            const values = this.samples.map((sample) => sample.value);
            let low = Math.min(...values), high = Math.max(...values);
            if (low === high) { low -= 1; high += 1; }
            const first = this.samples[0].n;
            const x = (n) => plot.left + (plot.right - plot.left) * (n - first) / Math.max(this.capacity - 1, 1);
            const y = (value) => plot.bottom - (plot.bottom - plot.top) * (value - low) / (high - low);
            const lines = new Map();
            for (const sample of this.samples) {
              if (!lines.has(sample.series)) lines.set(sample.series, []);
              lines.get(sample.series).push([x(sample.n).toFixed(1), y(sample.value).toFixed(1)]);
            }
            for (const [series, points] of lines) {
              const color = this.colors.get(series);
              const [cx, cy] = points[points.length - 1];
              children.push(
                svgElement('polyline', { points: points.map((point) => point.join(',')).join(' '), stroke: color, 'data-series': series }),
                svgElement('circle', { cx, cy, r: 2.5, style: `fill:${color}` }),
              );
            }
            children.push(
              svgElement('text', { x: plot.left - 6, y: plot.top + 4, 'text-anchor': 'end' }, String(+high.toFixed(2))),
              svgElement('text', { x: plot.left - 6, y: plot.bottom, 'text-anchor': 'end' }, String(+low.toFixed(2))),
            );
            let legend = { x: plot.left, y: height - 24 };
            for (const series of lines.keys()) {
              const span = 18 + 6.5 * series.length;
              if (legend.x + span > width && legend.x > plot.left) legend = { x: plot.left, y: legend.y + 14 };
              children.push(svgElement('text', { x: legend.x, y: legend.y, style: `fill:${this.colors.get(series)}` }, `■ ${series}`));
              legend.x += span;
            }
            this.svg.replaceChildren(...children);
          }
        }

        """#
}
