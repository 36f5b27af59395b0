package io.dashplane.server.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings an output directory to a {@link RenderedTree}: a file whose bytes changed is written to a temporary file
 * in its own directory and moved over the old one atomically, so Grafana never reads half a file; a file the
 * previous render wrote that is no longer rendered is deleted, and so is a directory it created that is left
 * empty. What render wrote is remembered in {@value #MANIFEST}; nothing else in the directory is touched.
 */
public final class TreeWriter {
    public static final String MANIFEST = ".dashplane-render.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;

    public TreeWriter(Path out) {
        this.out = out;
    }

    /** What changed on disk. */
    public record Outcome(List<String> written, List<String> deleted) {
        public boolean changed() {
            return !written.isEmpty() || !deleted.isEmpty();
        }
    }

    public Outcome write(RenderedTree tree) throws IOException {
        Files.createDirectories(out);
        Manifest previous = readManifest();
        List<String> written = new ArrayList<>();
        for (String dir : tree.directories()) {
            Files.createDirectories(resolve(dir));
        }
        for (var e : tree.files().entrySet()) {
            Path target = resolve(e.getKey());
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                continue;
            }
            replace(target, e.getValue());
            written.add(e.getKey());
        }
        List<String> deleted = new ArrayList<>();
        for (String file : previous.files()) {
            if (!tree.files().containsKey(file) && Files.deleteIfExists(resolve(file))) {
                deleted.add(file);
            }
        }
        Set<String> directories = new TreeSet<>(previous.directories());
        directories.addAll(tree.directories());
        for (String dir : previous.directories().stream().sorted(Comparator.reverseOrder()).toList()) {
            if (!tree.directories().contains(dir) && removeIfEmpty(resolve(dir))) {
                directories.remove(dir);
            }
        }
        for (var file : tree.files().keySet()) {
            Path parent = Path.of(file).getParent();
            if (parent != null) {
                directories.add(parent.toString().replace('\\', '/'));
            }
        }
        writeManifest(new Manifest(new TreeSet<>(tree.files().keySet()), directories));
        return new Outcome(written, deleted);
    }

    /** The content of {@code relative} as the previous render wrote it, or null when it did not write it. */
    public String previous(String relative) throws IOException {
        if (!readManifest().files().contains(relative) || !Files.isRegularFile(resolve(relative))) {
            return null;
        }
        return Files.readString(resolve(relative));
    }

    private Path resolve(String relative) {
        Path p = out.resolve(relative).normalize();
        if (!p.startsWith(out.normalize())) {
            throw new IllegalArgumentException("a rendered path leaves the output directory: " + relative);
        }
        return p;
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean removeIfEmpty(Path dir) throws IOException {
        try {
            return Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            return false; // something else lives there now: not ours to delete
        }
    }

    private record Manifest(Set<String> files, Set<String> directories) {
    }

    private Manifest readManifest() throws IOException {
        try {
            ObjectNode m = (ObjectNode) JSON.readTree(Files.readString(out.resolve(MANIFEST)));
            Set<String> files = new TreeSet<>();
            Set<String> dirs = new TreeSet<>();
            m.path("files").forEach(f -> files.add(f.asText()));
            m.path("directories").forEach(d -> dirs.add(d.asText()));
            return new Manifest(files, dirs);
        } catch (NoSuchFileException e) {
            return new Manifest(Set.of(), Set.of());
        }
    }

    private void writeManifest(Manifest manifest) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        manifest.files().forEach(m.putArray("files")::add);
        manifest.directories().forEach(m.putArray("directories")::add);
        replace(out.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    }
}
