/**
 * The gateway: authentication and identity propagation ({@code security}), the access log of every
 * request ({@code access}), and settings ({@code config}). Routes are declared in application.yml.
 */
package io.adpulse.gateway;
