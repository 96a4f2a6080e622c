package io.adpulse.auth.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;

/**
 * Named AES-256 keys parsed from {@code keyId:base64(32 bytes),keyId:base64,...}; the first entry is
 * the active key that seals new data, the others only open what they sealed before. Rotation is
 * therefore: prepend a new key, redeploy, and drop the old one once nothing sealed under it is
 * left. Parsing errors name the setting and the entry, never the key material.
 */
public final class KeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String activeKeyId, Map<String, SecretKey> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * Parses a key list.
     *
     * @param setting name of the setting the value came from, used in error messages
     * @param value   {@code keyId:base64,...}, first is active
     */
    public static KeyRing parse(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty: expected keyId:base64(32 bytes)[,keyId:base64...]");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String where = setting + " entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + " has no ':' between key id and key");
            }
            String id = entry.substring(0, colon).trim();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ": key id must be 1-128 of [A-Za-z0-9._-]");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + id + "): key is not valid base64");
            }
            if (raw.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException(where + " (" + id + "): key has " + raw.length
                        + " bytes, expected " + AesGcm.KEY_BYTES);
            }
            if (keys.putIfAbsent(id, AesGcm.key(raw)) != null) {
                throw new IllegalArgumentException(where + ": key id " + id + " appears twice");
            }
        }
        return new KeyRing(keys.keySet().iterator().next(), keys);
    }

    /** The key that seals new data. */
    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    /** The key named {@code keyId}; fails clearly when the ring does not hold it. */
    SecretKey key(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new CryptoException("unknown key id '" + keyId + "'; this key ring holds " + keyIds());
        }
        return key;
    }

    /** Ids of every key, active first. */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", keyIds=" + keyIds() + "]";
    }
}
