/**
 * Reads of the account hierarchy as TikTok serves them: {@code advertiser/info/} and the paged
 * {@code campaign/get/}, {@code adgroup/get/} and {@code ad/get/} with their {@code filtering} and {@code fields}.
 */
package io.adpulse.sandbox.entity;
