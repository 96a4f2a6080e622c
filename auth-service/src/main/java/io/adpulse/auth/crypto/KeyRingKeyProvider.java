package io.adpulse.auth.crypto;

/**
 * {@link KeyProvider} over master keys given in configuration ({@code ADPULSE_TOKEN_KEYS}): data
 * keys are wrapped with AES-256-GCM under the active key, unwrapped with the key they name.
 */
public final class KeyRingKeyProvider implements KeyProvider {

    private final KeyRing masterKeys;

    public KeyRingKeyProvider(KeyRing masterKeys) {
        this.masterKeys = masterKeys;
    }

    @Override
    public String activeKeyId() {
        return masterKeys.activeKeyId();
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] context) {
        return new WrappedKey(masterKeys.activeKeyId(), AesGcm.seal(masterKeys.activeKey(), dataKey, context));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] context) {
        try {
            return AesGcm.open(masterKeys.key(wrapped.keyId()), wrapped.bytes(), context);
        } catch (CryptoException e) {
            throw new CryptoException("cannot unwrap data key under master key '" + wrapped.keyId() + "': "
                    + e.getMessage(), e);
        }
    }
}
