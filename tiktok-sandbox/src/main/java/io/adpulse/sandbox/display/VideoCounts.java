package io.adpulse.sandbox.display;

/** A video's counts at one instant, as the Display API answers them. */
public record VideoCounts(long viewCount, long likeCount, long commentCount, long shareCount) {
}
