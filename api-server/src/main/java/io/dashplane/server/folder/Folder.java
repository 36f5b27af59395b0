package io.dashplane.server.folder;

public record Folder(String uid, String title, String parentUid, long version, String createdAt, String updatedAt) {
}
