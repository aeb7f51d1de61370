import Foundation

/// How a history response is written: one JSON page, or the whole range streamed as
/// NDJSON or CSV.
public enum ResponseFormat: String, Sendable, CaseIterable {
    /// `application/json`: `{ "data": [...], "next_cursor": ... }`, at most `limit` items.
    case json
    /// `application/x-ndjson`: one JSON document per line, the whole range.
    case ndjson
    /// `text/csv`: a header line, then one line per item, the whole range.
    case csv

    /// The response's `Content-Type`.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .ndjson: "application/x-ndjson"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// The media types each format answers to, most specific first.
    private var mediaTypes: [String] {
        switch self {
        case .json: ["application/json"]
        case .ndjson: ["application/x-ndjson", "application/jsonl"]
        case .csv: ["text/csv"]
        }
    }

    /// Chooses the format: the `format` query parameter if given (for browser links, which
    /// cannot set `Accept`), else the `Accept` header's most preferred supported type;
    /// JSON when neither says.
    ///
    /// - Parameters:
    ///   - parameter: the `format` query parameter, if any.
    ///   - accept: the `Accept` header, if any.
    /// - Throws: ``HistoryError/Code/invalidParameter`` for an unknown `format`,
    ///   ``HistoryError/Code/notAcceptable`` when `Accept` names nothing supported.
    public static func negotiate(parameter: String?, accept: String?) throws(HistoryError) -> ResponseFormat {
        if let parameter {
            guard let format = ResponseFormat(rawValue: parameter) else {
                throw HistoryError(.invalidParameter, "format must be json, ndjson or csv", detail: "format=\(parameter)")
            }
            return format
        }
        guard let accept, !accept.allSatisfy({ $0 == " " }) else { return .json }
        var best: (format: ResponseFormat, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = parts.first else { continue }
            let quality = parts.dropFirst().compactMap { part -> Double? in
                part.hasPrefix("q=") ? Double(part.dropFirst(2)) : nil
            }.first ?? 1
            guard quality > 0, let format = match(type) else { continue }
            if best == nil || quality > best!.quality { best = (format, quality) }
        }
        guard let best else {
            throw HistoryError(
                .notAcceptable, "supported types are application/json, application/x-ndjson and text/csv",
                detail: "Accept: \(accept)")
        }
        return best.format
    }

    /// The format a media range selects; wildcards select JSON.
    private static func match(_ type: String) -> ResponseFormat? {
        if type == "*/*" || type == "application/*" { return .json }
        if type == "text/*" { return .csv }
        return allCases.first { $0.mediaTypes.contains(type) }
    }
}
