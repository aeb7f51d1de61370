extension DashboardScript {
    /// The REST client: `/api/v1` with HTTP Basic, errors as `ApiError` carrying the
    /// server's JSON error.
    static let api = #"""
        class ApiError extends Error {
          constructor(status, code, message) {
            super(message);
            Object.assign(this, { status, code });
          }
        }

        function basicAuthorization(login, passcode) {
          let binary = '';
          for (const byte of toUTF8.encode(`${login}:${passcode}`)) binary += String.fromCharCode(byte);
          return 'Basic ' + btoa(binary);
        }

        function topicPath(topic) {
          return '/api/v1/topics/' + encodeURIComponent(topic);
        }

        class Api {
          constructor(login, passcode) {
            this.authorization = basicAuthorization(login, passcode);
          }

          // The response to GET `path`; throws ApiError unless it is 2xx. Credentials are
          // omitted so that a 401's `WWW-Authenticate: Basic` never opens the browser's own
          // login dialog: the page's form asks instead.
          async get(path, accept = 'application/json') {
            let response;
            try {
              response = await fetch(path, {
                headers: { Authorization: this.authorization, Accept: accept }, credentials: 'omit', cache: 'no-store',
              });
            } catch (error) {
              throw new ApiError(0, 'unreachable', `cannot reach pglive (${error.message})`);
            }
            if (response.ok) return response;
            let code = `http_${response.status}`, message = `${response.status} ${response.statusText}`;
            try {
              const body = await response.json();
              if (body && body.error) {
                code = body.error.code || code;
                message = body.error.message || message;
              }
            } catch (_) { /* not JSON: keep the status line */ }
            throw new ApiError(response.status, code, message);
          }

          async json(path) {
            const response = await this.get(path);
            return { body: await response.json(), response };
          }
        }

        """#
}
