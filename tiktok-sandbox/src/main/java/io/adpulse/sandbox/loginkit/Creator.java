package io.adpulse.sandbox.loginkit;

/**
 * A seeded TikTok user who can authorize an app through Login Kit.
 *
 * @param openId      the user's id for this app (TikTok's {@code open_id})
 * @param displayName the profile name
 * @param username    the {@code @handle} without the at sign
 */
public record Creator(String openId, String displayName, String username) {
}
