package io.adpulse.identity.mfa;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s, as every authenticator app expects) through the samstevens totp library.
 * A code is accepted for its own time step and one step either side (clock drift), and only for a step later than
 * the last one accepted, so an observed code cannot be replayed.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int DRIFT_STEPS = 1;

    private final SecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final String issuer;
    private final Clock clock;

    public Totp(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A new base32 secret. */
    public String newSecret() {
        return secrets.generate();
    }

    /**
     * The time step {@code code} is valid for, if it is valid for a step after {@code lastAcceptedStep}.
     */
    public OptionalLong verify(String secret, String code, long lastAcceptedStep) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = clock.millis() / 1000 / PERIOD_SECONDS;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            if (step > lastAcceptedStep
                    && MessageDigest.isEqual(given, generate(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app scans. */
    public String uri(String username, String secret) {
        return data(username, secret).getUri();
    }

    /** The enrolment QR code as a {@code data:image/png} URI. */
    public String qrDataUri(String username, String secret) {
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        generator.setImageSize(240);
        try {
            return Utils.getDataUriForImage(generator.generate(data(username, secret)), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    private QrData data(String username, String secret) {
        return new QrData.Builder().label(username).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }
}
