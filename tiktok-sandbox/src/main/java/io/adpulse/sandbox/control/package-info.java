/**
 * Test-only endpoints under {@code /sandbox/} (not part of TikTok's API): the seeded accounts, tokens minted without
 * the consent page, ground-truth figures to check the report API and Adpulse against, and restatements that revise
 * past figures. Traffic control ({@code /sandbox/calls}, {@code /sandbox/faults}) lives with the traffic feature.
 */
package io.adpulse.sandbox.control;
