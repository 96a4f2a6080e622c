package io.adpulse.reporting.advertiser;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request named an advertiser of which nothing has been observed: a 404 problem. */
public class AdvertiserNotFoundException extends ResponseStatusException {

    public AdvertiserNotFoundException(String advertiserId) {
        super(HttpStatus.NOT_FOUND, "advertiser '" + advertiserId + "' is not known: no entity or metric of it has been observed");
    }
}
