package io.adpulse.gateway.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes export rows ({@code {"service", "table", "row"}}) as a zip of CSV files, one per service and table
 * ({@code <service>/<table>.csv}), as they come: each call returns the zip bytes produced so far, so the archive is
 * streamed and never held whole. The columns of a file are those of its first row; a later row with another column is
 * refused (a service's table has one set of columns). Rows of one table must come together, as every service sends
 * them. {@link #finish} adds {@code export.json} (what the export is about, and the rows per file) and the zip's
 * directory.
 *
 * <p>CSV as reporting-service writes it: RFC 4180, a header line, CRLF, fields quoted when they hold a comma, a quote
 * or a line break, an empty field for null; arrays and objects as compact JSON; a text that a spreadsheet would run as
 * a formula (starting with {@code = + - @}, a tab or a carriage return, and not a number) is prefixed with a quote.
 * Not thread-safe: one writer per download, fed in order.
 */
final class CsvZip {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    private String file;
    private List<String> columns;

    /** Adds one row; the zip bytes produced so far (possibly none). */
    byte[] add(JsonNode row) {
        String service = name(row, "service");
        String table = name(row, "table");
        JsonNode cells = row.get("row");
        if (cells == null || !cells.isObject()) {
            throw new IllegalStateException("an export row of " + service + "/" + table + " has no columns");
        }
        String name = service + "/" + table + ".csv";
        try {
            if (!name.equals(file)) {
                if (rowsPerFile.containsKey(name)) {
                    throw new IllegalStateException("the rows of " + name + " did not come together");
                }
                if (file != null) {
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(name));
                file = name;
                columns = new ArrayList<>(cells.propertyNames());
                rowsPerFile.put(name, 0L);
                write(line(columns));
            }
            List<String> values = new ArrayList<>(columns.size());
            for (String column : cells.propertyNames()) {
                if (!columns.contains(column)) {
                    throw new IllegalStateException("a row of " + name + " has the column " + column
                            + " that its first row did not have");
                }
            }
            for (String column : columns) {
                values.add(text(cells.get(column)));
            }
            write(line(values));
            rowsPerFile.merge(name, 1L, Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drain();
    }

    /** Closes the last file, adds {@code export.json} with {@code about} and the rows per file; the last bytes. */
    byte[] finish(Map<String, Object> about) {
        try {
            if (file != null) {
                zip.closeEntry();
            }
            Map<String, Object> manifest = new LinkedHashMap<>(about);
            manifest.put("files", rowsPerFile);
            zip.putNextEntry(new ZipEntry("export.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drain();
    }

    private void write(String text) throws IOException {
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] drain() {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }

    /** A service or table name, safe as a file name inside the zip. */
    private static String name(JsonNode row, String field) {
        JsonNode value = row.get(field);
        String text = value == null || !value.isString() ? null : value.asString();
        if (text == null || !SAFE_NAME.matcher(text).matches()) {
            throw new IllegalStateException("an export row has no usable '" + field + "'");
        }
        return text;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isContainer()) {
            return JSON.writeValueAsString(value);
        }
        return value.asString();
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(cells.get(i)));
        }
        return line.append("\r\n").toString();
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
