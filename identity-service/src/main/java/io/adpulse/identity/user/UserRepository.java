package io.adpulse.identity.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Counters change in single statements, so concurrent sign-ins cannot lose a failure. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "username, password_hash, roles, client, status, totp_secret, totp_last_step,"
            + " failed_attempts, locked_until, invitation_expires";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findByInvitation(String invitationHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE invitation_hash = ?").param(invitationHash)
                .query(UserRepository::map).optional();
    }

    public List<UserAccount> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(UserRepository::map).list();
    }

    /** Inserts unless the name is taken; true when inserted. */
    public boolean insert(String username, String passwordHash, List<Role> roles, String client, Status status,
            String invitationHash, Instant invitationExpires) {
        return jdbc.sql("INSERT INTO app_user (username, password_hash, roles, client, status, invitation_hash,"
                        + " invitation_expires) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")
                .params(username, passwordHash, joined(roles), client, status.name(), invitationHash,
                        ts(invitationExpires))
                .update() == 1;
    }

    /** Counts one failure; at {@code maxFailures} the account locks until {@code lockUntil} and the count restarts. */
    public Optional<Instant> recordFailure(String username, int maxFailures, Instant lockUntil) {
        return jdbc.sql("UPDATE app_user SET"
                        + " locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,"
                        + " failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,"
                        + " updated_at = now() WHERE username = ? RETURNING locked_until")
                .params(maxFailures, ts(lockUntil), maxFailures, username)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "locked_until"))).optional()
                .flatMap(o -> o);
    }

    public void clearFailures(String username) {
        update("failed_attempts = 0", username);
    }

    public void unlock(String username) {
        update("failed_attempts = 0, locked_until = NULL", username);
    }

    /** Accepts a code's time step, only if it is later than the last accepted one; false on a replay race. */
    public boolean acceptStep(String username, long step) {
        return jdbc.sql("UPDATE app_user SET totp_last_step = ?, failed_attempts = 0, updated_at = now()"
                        + " WHERE username = ? AND totp_last_step < ?")
                .params(step, username, step).update() == 1;
    }

    public void enrol(String username, String sealedSecret, long step) {
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_last_step = ?, failed_attempts = 0, updated_at = now()"
                        + " WHERE username = ?")
                .params(sealedSecret, step, username).update();
    }

    public void resetMfa(String username) {
        update("totp_secret = NULL, totp_last_step = 0", username);
    }

    public void setStatus(String username, Status status) {
        jdbc.sql("UPDATE app_user SET status = ?, updated_at = now() WHERE username = ?")
                .params(status.name(), username).update();
    }

    /** Sets the password of an invited user and makes it ACTIVE; the invitation is spent. */
    public boolean acceptInvitation(String invitationHash, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ?, status = 'ACTIVE', invitation_hash = NULL,"
                        + " invitation_expires = NULL, updated_at = now()"
                        + " WHERE invitation_hash = ? AND status = 'INVITED' AND invitation_expires > now()")
                .params(passwordHash, invitationHash).update() == 1;
    }

    private void update(String assignments, String username) {
        jdbc.sql("UPDATE app_user SET " + assignments + ", updated_at = now() WHERE username = ?")
                .param(username).update();
    }

    private static String joined(List<Role> roles) {
        return roles.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        List<Role> roles = Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank())
                .map(Role::valueOf).toList();
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), roles, rs.getString("client"),
                Status.valueOf(rs.getString("status")), rs.getString("totp_secret"), rs.getLong("totp_last_step"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "invitation_expires"));
    }
}
