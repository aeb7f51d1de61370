extension DashboardScript {
    /// A STOMP 1.2 client over WebSocket: frame encoding and incremental parsing (text or
    /// binary messages, frames split over messages or several in one), heart-beats both
    /// ways, and reconnection with exponential backoff. The page decides what to
    /// (re)subscribe in `onConnected`.
    static let stompClient = #"""
        const LF = 10, CR = 13, NUL = 0;
        const toUTF8 = new TextEncoder();
        const fromUTF8 = new TextDecoder();

        function escapeHeader(value) {
          return String(value).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/:/g, '\\c');
        }

        function unescapeHeader(value) {
          return value.replace(/\\([\\rnc])/g, (_, c) => ({ '\\': '\\', r: '\r', n: '\n', c: ':' })[c]);
        }

        // CONNECT and CONNECTED headers are not escaped (STOMP 1.2).
        function encodeFrame(command, headers, body = '') {
          const escape = command === 'CONNECT' ? String : escapeHeader;
          let text = command + '\n';
          for (const [name, value] of Object.entries(headers)) text += escape(name) + ':' + escape(value) + '\n';
          return text + '\n' + body + '\0';
        }

        // Bytes in, frames out; heart-beat EOLs between frames are skipped.
        class FrameParser {
          constructor() { this.pending = new Uint8Array(0); }

          push(bytes) {
            let data = bytes;
            if (this.pending.length > 0) {
              data = new Uint8Array(this.pending.length + bytes.length);
              data.set(this.pending);
              data.set(bytes, this.pending.length);
            }
            const frames = [];
            let start = 0;
            for (;;) {
              while (data[start] === LF || (data[start] === CR && data[start + 1] === LF)) start += data[start] === CR ? 2 : 1;
              const parsed = this.frameAt(data, start);
              if (!parsed) break;
              frames.push(parsed.frame);
              start = parsed.end;
            }
            this.pending = data.slice(start);
            return frames;
          }

          frameAt(data, start) {
            const lines = [];
            let lineStart = start;
            for (let i = start; i < data.length; i++) {
              if (data[i] !== LF) continue;
              const lineEnd = i > lineStart && data[i - 1] === CR ? i - 1 : i;
              if (lineEnd === lineStart) return this.bodyAt(data, lines, i + 1);
              lines.push(fromUTF8.decode(data.subarray(lineStart, lineEnd)));
              lineStart = i + 1;
            }
            return null;
          }

          bodyAt(data, lines, bodyStart) {
            const command = lines[0];
            const headers = Object.create(null);
            for (const line of lines.slice(1)) {
              const colon = line.indexOf(':');
              if (colon < 0) continue;
              const raw = [line.slice(0, colon), line.slice(colon + 1)];
              const [name, value] = command === 'CONNECTED' ? raw : raw.map(unescapeHeader);
              if (!(name in headers)) headers[name] = value;
            }
            let bodyEnd;
            if ('content-length' in headers) {
              bodyEnd = bodyStart + Number(headers['content-length']);
              if (data.length <= bodyEnd) return null;
            } else {
              bodyEnd = data.indexOf(NUL, bodyStart);
              if (bodyEnd < 0) return null;
            }
            return { frame: { command, headers, body: fromUTF8.decode(data.subarray(bodyStart, bodyEnd)) }, end: bodyEnd + 1 };
          }
        }

        // One STOMP session at a time over `url`, reopened after every loss until stop().
        // Callbacks: onState(state, detail) with state connecting | connected | reconnecting |
        // refused | offline; onConnected(); onMessage(frame); onError(frame).
        class StompClient {
          constructor({ url, login, passcode, heartBeat = 10000, onState, onConnected, onMessage, onError }) {
            Object.assign(this, { url, login, passcode, heartBeat, onState, onConnected, onMessage, onError });
            this.socket = null;
            this.connected = false;
            this.stopped = true;
            this.failures = 0;
            this.connects = 0;
            this.timers = [];
          }

          start() {
            this.stopped = false;
            this.open();
          }

          stop() {
            this.stopped = true;
            clearTimeout(this.retry);
            if (this.connected) this.send('DISCONNECT', {});
            this.detach();
            this.onState('offline', '');
          }

          send(command, headers, body = '') {
            if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(encodeFrame(command, headers, body));
          }

          open() {
            this.onState(this.failures === 0 ? 'connecting' : 'reconnecting', `attempt ${this.failures + 1}`);
            const socket = new WebSocket(this.url, ['v12.stomp', 'v11.stomp', 'v10.stomp']);
            socket.binaryType = 'arraybuffer';
            this.socket = socket;
            this.parser = new FrameParser();
            this.connected = false;
            socket.onopen = () => this.send('CONNECT', {
              'accept-version': '1.2,1.1,1.0', host: location.hostname, login: this.login, passcode: this.passcode,
              'heart-beat': `${this.heartBeat},${this.heartBeat}`,
            });
            socket.onmessage = (event) => this.receive(event.data);
            socket.onclose = (event) => this.lost(`connection closed (${event.code}${event.reason ? ' ' + event.reason : ''})`);
          }

          receive(data) {
            this.lastHeard = Date.now();
            const bytes = typeof data === 'string' ? toUTF8.encode(data) : new Uint8Array(data);
            for (const frame of this.parser.push(bytes)) {
              if (this.stopped) return;
              this.handle(frame);
            }
          }

          handle(frame) {
            switch (frame.command) {
              case 'CONNECTED':
                this.connected = true;
                this.failures = 0;
                this.connects += 1;
                this.startHeartBeats(frame.headers['heart-beat']);
                this.onState('connected', `STOMP ${frame.headers.version || '1.0'}`);
                this.onConnected();
                break;
              case 'MESSAGE':
                this.onMessage(frame);
                break;
              case 'ERROR':
                // Refused before CONNECTED (credentials, limits): retrying would not help.
                if (!this.connected) {
                  this.stopped = true;
                  this.detach();
                  this.onState('refused', frame.headers.message || 'refused');
                }
                this.onError(frame);
                break;
            }
          }

          // Sends an EOL every negotiated interval; drops the connection when the server
          // stays silent for twice its interval.
          startHeartBeats(value) {
            const [serverSends, serverWants] = (value || '0,0').split(',').map(Number);
            if (this.heartBeat > 0 && serverWants > 0) {
              const every = Math.max(this.heartBeat, serverWants);
              this.timers.push(setInterval(() => this.socket && this.socket.readyState === WebSocket.OPEN && this.socket.send('\n'), every));
            }
            if (this.heartBeat > 0 && serverSends > 0) {
              const every = Math.max(this.heartBeat, serverSends);
              this.timers.push(setInterval(() => {
                if (Date.now() - this.lastHeard > 2 * every) this.drop(`no heart-beat from the server for ${2 * every / 1000} s`);
              }, every / 2));
            }
          }

          drop(reason) {
            this.lost(reason);
          }

          detach() {
            this.timers.forEach(clearInterval);
            this.timers = [];
            const socket = this.socket;
            this.socket = null;
            this.connected = false;
            if (socket) {
              socket.onopen = socket.onmessage = socket.onclose = null;
              socket.close();
            }
          }

          lost(reason) {
            this.detach();
            if (this.stopped) return;
            const delay = Math.min(500 * 2 ** this.failures, 10000) * (0.8 + 0.4 * Math.random());
            this.failures += 1;
            this.onState('reconnecting', `${reason}; retrying in ${(delay / 1000).toFixed(1)} s`);
            clearTimeout(this.retry);
            this.retry = setTimeout(() => this.open(), delay);
          }
        }

        """#
}
