/** Settings and shared beans (the clock). */
package io.adpulse.sandbox.config;
