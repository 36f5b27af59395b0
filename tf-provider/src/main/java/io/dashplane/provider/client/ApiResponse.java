package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** A response of the server: status, parsed JSON body (null when empty) and headers. */
record ApiResponse(String method, String url, int status, JsonNode body, HttpHeaders headers) {
    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
