import Hummingbird

/// The OpenAPI 3.1 description of the history API, served at `GET /openapi.json`.
///
/// Written by hand next to the code it describes; the test suite runs schemathesis against
/// a live server with it, so a route, parameter, status or schema that drifts fails there.
public enum OpenAPIDocument {
    /// Adds `GET /openapi.json` (no authentication) to a router.
    /// - Parameter routes: the router.
    public static func addRoute<Routes: RouterMethods>(to routes: Routes) {
        routes.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
        }
    }

    /// The document.
    public static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "pglive history API",
        "version": "1",
        "description": "History of pglive topics: the commit-ordered events log and the current rows of published tables. Pages use opaque keyset cursors (next_cursor, Link rel=next); Accept: application/x-ndjson or text/csv (or format=ndjson|csv) streams the whole selected range. Row filters are extra query parameters column=operator.value with the operators eq, neq, gt, gte, lt, lte, in, is, like and an optional not. prefix, the grammar of the STOMP selector header."
      },
      "servers": [{"url": "/"}],
      "security": [{"basic": []}, {"bearer": []}],
      "paths": {
        "/api/v1/topics": {
          "get": {
            "operationId": "listTopics",
            "summary": "The topic catalogue",
            "responses": {
              "200": {"description": "Every topic the credentials may read", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TopicList"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/api/v1/topics/{topic}/events": {
          "get": {
            "operationId": "listEvents",
            "summary": "A topic's events in position order",
            "parameters": [
              {"$ref": "#/components/parameters/topic"},
              {"name": "after", "in": "query", "description": "Only events with a greater position.", "schema": {"type": "integer", "minimum": 0, "format": "int64"}},
              {"name": "before", "in": "query", "description": "Only events with a smaller position.", "schema": {"type": "integer", "minimum": 0, "format": "int64"}},
              {"name": "from-time", "in": "query", "description": "Only events committed at or after this RFC 3339 instant.", "schema": {"type": "string", "format": "date-time"}},
              {"name": "to-time", "in": "query", "description": "Only events committed before this RFC 3339 instant.", "schema": {"type": "string", "format": "date-time"}},
              {"name": "op", "in": "query", "description": "eq.OP or in.(OP,...) with OP among INSERT, UPDATE, DELETE, EVENT.", "schema": {"type": "string", "pattern": "^(eq\\.(INSERT|UPDATE|DELETE|EVENT)|in\\.\\(((INSERT|UPDATE|DELETE|EVENT),)*(INSERT|UPDATE|DELETE|EVENT)\\))$"}},
              {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc", "position.asc", "position.desc"], "default": "asc"}},
              {"$ref": "#/components/parameters/limit"},
              {"$ref": "#/components/parameters/cursor"},
              {"$ref": "#/components/parameters/format"},
              {"$ref": "#/components/parameters/filters"},
              {"$ref": "#/components/parameters/prefer"},
              {"name": "If-None-Match", "in": "header", "description": "The ETag of a page received before: 304, without a query, when this request is for the same page.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {
                "description": "A page (JSON) or the whole range (NDJSON, CSV)",
                "headers": {
                  "Link": {"description": "The next page: <url>; rel=\"next\"", "schema": {"type": "string"}},
                  "Content-Range": {"description": "With Prefer: count=…, the page's range and the query's total", "schema": {"type": "string", "pattern": "^(\\*|[0-9]+-[0-9]+)/[0-9]+$"}},
                  "Preference-Applied": {"description": "The count preference applied", "schema": {"type": "string"}},
                  "ETag": {"description": "Sent with pages that can no longer change", "schema": {"type": "string"}}
                },
                "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/EventPage"}},
                  "application/x-ndjson": {"schema": {"type": "string"}},
                  "text/csv": {"schema": {"type": "string"}}
                }
              },
              "304": {"description": "The page is unchanged (If-None-Match)", "headers": {"ETag": {"required": true, "schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "406": {"$ref": "#/components/responses/NotAcceptable"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/api/v1/topics/{topic}/rows": {
          "get": {
            "operationId": "listRows",
            "summary": "A table topic's current rows, with the position to continue from live",
            "parameters": [
              {"$ref": "#/components/parameters/topic"},
              {"name": "select", "in": "query", "description": "Comma-separated columns to return.", "schema": {"type": "string"}},
              {"name": "order", "in": "query", "description": "column.asc or column.desc, on a NOT NULL column that leads an index; the primary key breaks ties.", "schema": {"type": "string", "pattern": "^.+\\.(asc|desc)$"}},
              {"$ref": "#/components/parameters/limit"},
              {"$ref": "#/components/parameters/cursor"},
              {"$ref": "#/components/parameters/format"},
              {"$ref": "#/components/parameters/filters"},
              {"$ref": "#/components/parameters/prefer"}
            ],
            "responses": {
              "200": {
                "description": "A page (JSON) or every selected row (NDJSON, CSV)",
                "headers": {
                  "Stream-Position": {"description": "The log position of the rows' snapshot: SUBSCRIBE with from-position set to it continues without gap or duplicate.", "required": true, "schema": {"type": "integer"}},
                  "Link": {"description": "The next page: <url>; rel=\"next\"", "schema": {"type": "string"}},
                  "Content-Range": {"description": "With Prefer: count=…, the page's range and the query's total", "schema": {"type": "string", "pattern": "^(\\*|[0-9]+-[0-9]+)/[0-9]+$"}},
                  "Preference-Applied": {"description": "The count preference applied", "schema": {"type": "string"}}
                },
                "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/RowPage"}},
                  "application/x-ndjson": {"schema": {"type": "string"}},
                  "text/csv": {"schema": {"type": "string"}}
                }
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "406": {"$ref": "#/components/responses/NotAcceptable"},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "basic": {"type": "http", "scheme": "basic", "description": "A --user login and password."},
          "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "A JWT (HS256, RS256 or ES256) whose pglive claim grants read access to the topic; its filters are ANDed into every query."}
        },
        "parameters": {
          "topic": {"name": "topic", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]*$", "maxLength": 200}},
          "limit": {"name": "limit", "in": "query", "description": "Page size for JSON (default 100, at most the server's maximum, 10000 by default: above it the request is refused, never truncated); an optional cap for NDJSON and CSV.", "schema": {"type": "integer", "minimum": 1}},
          "cursor": {"name": "cursor", "in": "query", "description": "The next_cursor of the previous page of the same query.", "schema": {"type": "string"}},
          "format": {"name": "format", "in": "query", "description": "Overrides Accept (for links in browsers).", "schema": {"type": "string", "enum": ["json", "ndjson", "csv"]}},
          "prefer": {"name": "Prefer", "in": "header", "description": "count=exact (count(*) in the page's snapshot) or count=estimated (the planner's estimate): the JSON page then carries Content-Range (0-99/12345, or */12345 after the first page) and Preference-Applied.", "schema": {"type": "string", "enum": ["count=exact", "count=estimated"]}},
          "filters": {"name": "filters", "in": "query", "description": "Row filters: any other parameter is a condition column=[not.]operator.value on the row's columns.", "style": "form", "explode": true, "schema": {"type": "object", "additionalProperties": {"type": "string"}}}
        },
        "responses": {
          "BadRequest": {"description": "A malformed parameter, filter or cursor, or a limit above the maximum", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unauthorized": {"description": "No credentials or wrong ones", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "Authenticated, but not allowed to read the topic", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "Unknown topic or column", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotAcceptable": {"description": "No supported type in Accept", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unavailable": {"description": "The database is down, the query timed out, or too many exports are streaming (too_many_streams, with Retry-After)", "headers": {"Retry-After": {"description": "Seconds to wait before trying again (too_many_streams only)", "schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
              "code": {"type": "string", "enum": ["invalid_parameter", "invalid_filter", "invalid_cursor", "limit_too_high", "unauthorized", "forbidden", "not_found", "unknown_topic", "unknown_column", "not_acceptable", "database_unavailable", "too_many_streams", "internal_error"]},
              "message": {"type": "string"},
              "detail": {"type": "string"}}}}
          },
          "Topic": {
            "type": "object",
            "required": ["name", "kind", "source_table", "columns", "key_columns", "retention", "retention_seconds", "oldest_position", "newest_position"],
            "properties": {
              "name": {"type": "string"},
              "kind": {"type": "string", "enum": ["table", "app"]},
              "source_table": {"type": ["string", "null"]},
              "columns": {"type": "array", "items": {"type": "object", "required": ["name", "type"], "properties": {"name": {"type": "string"}, "type": {"type": "string"}}}},
              "key_columns": {"type": "array", "items": {"type": "string"}},
              "keep_old": {"type": "boolean"},
              "retention": {"type": "string"},
              "retention_seconds": {"type": "integer"},
              "oldest_position": {"type": ["integer", "null"]},
              "newest_position": {"type": ["integer", "null"]}
            }
          },
          "TopicList": {"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Topic"}}}},
          "Event": {
            "type": "object", "required": ["position", "topic", "op", "committed_at"],
            "properties": {
              "position": {"type": "integer"},
              "topic": {"type": "string"},
              "op": {"type": "string", "enum": ["INSERT", "UPDATE", "DELETE", "EVENT"]},
              "committed_at": {"type": "string", "format": "date-time"},
              "row": {"description": "Table topics: the new row (the old one for DELETE)", "type": ["object", "null"]},
              "old_row": {"description": "Table topics that keep it: the row before an UPDATE", "type": ["object", "null"]},
              "content_type": {"type": ["string", "null"]},
              "headers": {"type": ["object", "null"]},
              "body": {"description": "Application events: the body as JSON (body_encoding json), text (utf-8) or base64 text (base64)"},
              "body_encoding": {"type": "string", "enum": ["json", "utf-8", "base64"]}
            }
          },
          "EventPage": {"type": "object", "required": ["data", "next_cursor"], "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "next_cursor": {"type": ["string", "null"]}}},
          "RowPage": {"type": "object", "required": ["data", "next_cursor"], "properties": {"data": {"type": "array", "items": {"type": "object"}}, "next_cursor": {"type": ["string", "null"]}}}
        }
      }
    }
    """#
}
