package io.adpulse.faults;

import io.adpulse.testsupport.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;

/**
 * Looks for plaintext tokens everywhere the running system keeps data: every row of every table of every service
 * database, every record (key, value, headers) of every topic, every line of every service log. Each token is looked
 * for as is and as the hex of its bytes (how PostgreSQL prints a {@code bytea}). The same approach as auth-service's
 * SecretScanTest, over the whole stack instead of one service.
 */
final class SecretScan {

    private final Map<String, String> hexBySecret = new HashMap<>();
    private final List<String> findings = new ArrayList<>();
    private long rows;
    private long records;
    private long logLines;
    private int tables;
    private int topics;
    private int logs;

    SecretScan(Set<String> secrets) {
        secrets.forEach(secret -> hexBySecret.put(secret, HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))));
    }

    void scan(String location, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase();
        for (Map.Entry<String, String> secret : hexBySecret.entrySet()) {
            if (text.contains(secret.getKey()) || lower.contains(secret.getValue())) {
                findings.add("token " + secret.getKey().substring(0, Math.min(8, secret.getKey().length())) + "… in "
                        + location);
            }
        }
    }

    void scan(String location, byte[] bytes) {
        if (bytes != null) {
            scan(location, new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    void scanDatabase(String jdbcUrl, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet t = s.executeQuery("select schemaname || '.' || tablename from pg_tables"
                    + " where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (t.next()) {
                    names.add(t.getString(1));
                }
            }
            for (String table : names) {
                tables++;
                try (ResultSet r = s.executeQuery("select t::text from " + table + " t")) {
                    while (r.next()) {
                        rows++;
                        scan(database + "." + table, r.getString(1));
                    }
                }
            }
        }
    }

    void scanTopic(String bootstrap, String topic) {
        topics++;
        Topics.read(bootstrap, topic, record -> {
            records++;
            String where = topic + "@" + record.partition() + ":" + record.offset();
            scan(where, record.key());
            scan(where, record.value());
            for (Header header : record.headers()) {
                scan(where + " header " + header.key(), header.value());
            }
        });
    }

    void scanLogs(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                logs++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                for (int i = 0; i < lines.size(); i++) {
                    logLines++;
                    scan(file.getFileName() + ":" + (i + 1), lines.get(i));
                }
            }
        }
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    String summary() {
        return tables + " tables (" + rows + " rows), " + topics + " topics (" + records + " records), " + logs
                + " logs (" + logLines + " lines), " + hexBySecret.size() + " tokens looked for";
    }
}
