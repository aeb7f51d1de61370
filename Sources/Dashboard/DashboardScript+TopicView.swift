extension DashboardScript {
    /// The chosen topic: its `/rows` snapshot, then a subscription from the snapshot's
    /// `Stream-Position`, resumed after every reconnect (and after a gap notice) from the
    /// last position received; messages applied to the live table and chart in order.
    static let topicView = #"""
        const NUMERIC_TYPE = /^(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)\b/;
        const TEXT_TYPE = /^(text|character varying|varchar|character|char|citext|name)\b/;

        function columnsOf(topic, rows) {
          if (topic.columns && topic.columns.length > 0) return topic.columns;
          const names = new Set(rows.flatMap((row) => (row && typeof row === 'object' ? Object.keys(row) : [])));
          return [...names].map((name) => ({ name, type: 'unknown' }));
        }

        function setupChart(topic, columns, rows) {
          const numeric = columns.filter((column) => NUMERIC_TYPE.test(column.type));
          const text = columns.filter((column) => TEXT_TYPE.test(column.type));
          const keys = new Set(topic.key_columns || []);
          const value = numeric.find((column) => !keys.has(column.name)) || numeric[0];
          const series = text.find((column) => {
            const distinct = new Set(rows.map((row) => row[column.name])).size;
            return distinct > 1 && distinct <= PALETTE.length;
          });
          const option = (name, label) => Object.assign(document.createElement('option'), { value: name, textContent: label });
          $('chart-column').replaceChildren(...numeric.map((column) => option(column.name, column.name)));
          $('chart-series').replaceChildren(option('', '(none)'), ...text.map((column) => option(column.name, column.name)));
          $('chart-column').value = value ? value.name : '';
          $('chart-series').value = series ? series.name : '';
          $('chart-panel').hidden = !value;
          restartChart();
        }

        function restartChart() {
          page.chart.reset($('chart-column').value || null, $('chart-series').value || null);
          for (const row of page.table.rows.values()) page.chart.add(row);
          scheduleRender();
        }

        async function selectTopic(name) {
          const topic = page.topics.get(name);
          const previous = page.current;
          if (previous && previous.subscription) page.client.send('UNSUBSCRIBE', { id: previous.subscription });
          const current = { name, topic, subscription: null, position: null, ready: false, received: 0, duplicates: 0 };
          page.current = current;
          history.replaceState(null, '', '#' + encodeURIComponent(name));
          for (const button of $('topics').querySelectorAll('button')) button.setAttribute('aria-current', String(button.dataset.topic === name));
          $('topic-title').textContent = name;
          $('topic-info').textContent = 'loading…';
          $('topic-error').textContent = '';
          let rows = [];
          try {
            if (topic.kind === 'table') {
              const params = new URLSearchParams({ limit: '200' });
              if (topic.key_columns && topic.key_columns.length === 1) params.set('order', `${topic.key_columns[0]}.desc`);
              const { body, response } = await page.api.json(`${topicPath(name)}/rows?${params}`);
              rows = body.data.reverse();
              current.position = response.headers.get('Stream-Position');
            } else if (topic.newest_position !== null && topic.newest_position !== undefined) {
              current.position = String(topic.newest_position);
            }
          } catch (error) {
            if (page.current !== current) return;
            $('topic-info').textContent = '';
            $('topic-error').textContent = error.message;
            if (error.status === 401) logout('login or passcode refused');
            return;
          }
          if (page.current !== current) return;
          window.pgliveReceived[name] = [];
          window.pgliveSnapshotPosition[name] = current.position === null ? null : Number(current.position);
          const columns = topic.kind === 'table' ? columnsOf(topic, rows) : ['position', 'committed_at', 'event'].map((name) => ({ name, type: name === 'position' ? 'bigint' : 'text' }));
          page.table.reset(columns.map((column) => column.name), topic.kind === 'table' ? topic.key_columns || [] : [], rows);
          $('rows-title').textContent = topic.kind === 'table' ? 'Live rows' : 'Live events';
          $('rows-panel').hidden = false;
          if (topic.kind === 'table') setupChart(topic, columns, rows);
          else $('chart-panel').hidden = true;
          $('history-panel').hidden = false;
          page.history.show(page.api, name);
          current.ready = true;
          showTopicInfo();
          scheduleRender();
          if (page.client.connected) subscribe();
        }

        // On every CONNECTED, and once a chosen topic's snapshot is loaded.
        function subscribe() {
          const current = page.current;
          if (!current || !current.ready || !page.client.connected) return;
          current.subscription = `sub-${++page.subscriptions}`;
          const headers = { id: current.subscription, destination: `/topic/${current.name}`, ack: 'auto' };
          if (current.position !== null) headers['from-position'] = current.position;
          page.client.send('SUBSCRIBE', headers);
        }

        function receive(frame) {
          const current = page.current;
          const headers = frame.headers;
          if (!current || headers.subscription !== current.subscription) return;
          if (headers.gap === 'true') {
            // The server dropped messages for this slow subscription: replay them from the log.
            page.client.send('UNSUBSCRIBE', { id: current.subscription });
            subscribe();
            return;
          }
          window.pgliveReceived[current.name].push(Number(headers.position));
          if (current.position !== null && BigInt(headers.position) <= BigInt(current.position)) {
            current.duplicates += 1;
            return;
          }
          current.position = headers.position;
          current.received += 1;
          current.committedAt = headers['committed-at'];
          let body;
          try { body = JSON.parse(frame.body); } catch (_) { body = frame.body; }
          if (headers.op === 'EVENT') {
            page.table.apply('EVENT', { position: Number(headers.position), committed_at: headers['committed-at'], event: body });
          } else {
            page.table.apply(headers.op, body);
            if (headers.op !== 'DELETE') page.chart.add(body);
          }
          scheduleRender();
        }

        function stompError(frame) {
          const message = frame.headers.message || 'error';
          const text = frame.body ? `${message}: ${frame.body}` : message;
          if (page.client && page.client.stopped) {
            logout(`STOMP refused: ${text}`);
            return;
          }
          $('topic-error').textContent = text;
          // A position retention already pruned cannot be resumed: take a new snapshot.
          if (page.current && /pruned/i.test(message)) {
            const name = page.current.name;
            page.current = null;
            selectTopic(name);
          }
        }

        function showTopicInfo() {
          const current = page.current;
          if (!current) return;
          const topic = current.topic;
          const parts = [topic.source_table ? `table ${topic.source_table}` : `${topic.kind} topic`];
          if (topic.key_columns && topic.key_columns.length) parts.push(`key ${topic.key_columns.join(', ')}`);
          if (topic.retention) parts.push(`retention ${topic.retention}`);
          parts.push(`position ${current.position === null ? '–' : current.position}`);
          parts.push(`${current.received} live messages`);
          if (current.committedAt) parts.push(`last commit ${current.committedAt}`);
          $('topic-info').textContent = parts.join(' · ');
        }

        // Renders at most four times a second, however fast messages arrive.
        function scheduleRender() {
          if (page.renderPending) return;
          page.renderPending = true;
          setTimeout(() => {
            page.renderPending = false;
            page.table.render();
            page.chart.render();
            showTopicInfo();
          }, 250);
        }

        """#
}
