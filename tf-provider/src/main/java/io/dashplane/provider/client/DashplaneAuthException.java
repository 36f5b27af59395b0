package io.dashplane.provider.client;

/** 401 or 403: the token is missing, wrong or lacks permission. */
public class DashplaneAuthException extends DashplaneApiException {
    public DashplaneAuthException(String method, String url, Problem problem) {
        super(method, url, problem, "token rejected by the Dashplane server (HTTP " + problem.status() + ") for "
                + method + " " + url + ": " + problem.describe()
                + "\ncheck the provider's token setting (or DASHPLANE_TOKEN)");
    }
}
