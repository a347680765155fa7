package eu.cloudmarket.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** Provenance of a result: tool version, git commit, Java version, seed, hashes. */
public final class Metadata {
    private Metadata() {
    }

    public static String toolVersion() {
        try (InputStream in = Metadata.class.getResourceAsStream("/cloudmarket-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The git commit of the working directory's repository, read from .git without running git, or "unknown". Handles
     * plain repositories and linked worktrees (where .git is a file pointing at the real git directory, and branch
     * refs live in the shared "common" directory).
     */
    public static String gitCommit() {
        try {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return commitIn(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String pointer = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                    if (!pointer.startsWith("gitdir:")) {
                        return "unknown";
                    }
                    Path gitDir = dir.resolve(pointer.substring(7).trim()).normalize();
                    Path common = gitDir;
                    Path commonFile = gitDir.resolve("commondir");
                    if (Files.isRegularFile(commonFile)) {
                        String rel = Files.readString(commonFile, StandardCharsets.UTF_8).trim();
                        common = gitDir.resolve(rel).normalize();
                    }
                    return commitIn(gitDir, common);
                }
                dir = dir.getParent();
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String commitIn(Path gitDir, Path commonDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref: ")) {
            return head;
        }
        String ref = head.substring(5).trim();
        for (Path base : List.of(gitDir, commonDir)) {
            Path refFile = base.resolve(ref);
            if (Files.isRegularFile(refFile)) {
                return Files.readString(refFile, StandardCharsets.UTF_8).trim();
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.exists(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return "unknown";
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A metadata object with the common provenance fields filled in. */
    public static ObjectNode base(ObjectMapper json) {
        ObjectNode m = json.createObjectNode();
        m.put("tool", "cloudmarket");
        m.put("version", toolVersion());
        m.put("git_commit", gitCommit());
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    public static void write(Path file, ObjectNode metadata) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, json.writeValueAsString(metadata) + "\n", StandardCharsets.UTF_8);
    }
}
