package io.adpulse.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/**
 * Export of a report table as a download: CSV ({@code ?format=csv}, or {@code Accept: text/csv}, see
 * {@link ExportNegotiationFilter}) or a JSON array of the rows ({@code ?format=json}). Rows are streamed as
 * the database yields them, never collected first, and the response names a file
 * ({@code Content-Disposition: attachment; filename=...}).
 *
 * <p>CSV follows RFC 4180: comma separated, CRLF line ends, a header line, fields quoted when they hold a
 * comma, a quote or a line break. A missing value is an empty field. A text field that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return, and not a number) is
 * prefixed with a single quote.
 */
public final class Exports {

    /** Content type of the CSV exports. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /**
     * Rows PostgreSQL sends per round trip for the queries behind exports (a portal fetch), so that a long
     * result is pulled as the response is written instead of arriving, and being buffered, all at once.
     */
    public static final int FETCH_ROWS = 500;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern UNSAFE_FILENAME = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int MAX_ECHO = 20;

    private Exports() {
    }

    /** What a request asks for: the report document, a CSV or a JSON array of rows. */
    public enum Format { DOCUMENT, CSV, JSON }

    /** The {@code format} parameter; {@code null} is the report document; a 400 for an unknown format. */
    public static Format format(String format) {
        if (format == null) {
            return Format.DOCUMENT;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "json" -> Format.JSON;
            default -> throw new InvalidRequestException("'format' must be csv or json, got '"
                    + Texts.echo(format, MAX_ECHO) + "'");
        };
    }

    /** The rows as a streamed CSV download with {@code header} as first line. */
    public static <T> ResponseEntity<Flux<String>> csv(String filename, List<String> header, Flux<T> rows,
            Function<T, List<String>> cells) {
        Flux<String> lines = Flux.concat(Flux.just(line(header)), rows.map(row -> line(cells.apply(row))));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename + ".csv"))
                .body(lines);
    }

    /** The rows as a streamed JSON array download. */
    public static <T> ResponseEntity<Flux<T>> json(String filename, Flux<T> rows) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename + ".json"))
                .body(rows);
    }

    /** A file name from its parts, joined by '-', with anything but letters, digits, '.', '_' and '-' replaced. */
    public static String filename(Object... parts) {
        return Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(part -> UNSAFE_FILENAME.matcher(part.toString()).replaceAll("_"))
                .collect(Collectors.joining("-"));
    }

    private static String disposition(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }

    /** One CSV line (RFC 4180 quoting, formula-safe, CRLF) of the cells; a {@code null} cell is empty. */
    public static String line(List<String> cells) {
        return cells.stream().map(Exports::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
            safe = "'" + value;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
