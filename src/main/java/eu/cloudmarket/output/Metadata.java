package eu.cloudmarket.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Provenance of a result: the build (version, commit, dirty flag, jar hash), how the process was started (command
 * line, start time, host, folder), Java and the operating system; callers add the seed and hashes.
 */
public final class Metadata {
    private Metadata() {
    }

    public static String toolVersion() {
        return BuildInfo.current().version();
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
        BuildInfo build = BuildInfo.current();
        m.put("version", build.version());
        // the commit the jar was built from, not the repository of the folder the run was started in
        m.put("git_commit", build.commit());
        build.dirty().ifPresentOrElse(d -> m.put("git_dirty", d), () -> m.putNull("git_dirty"));
        m.put("build_time", build.buildTime());
        m.put("jar_sha256", BuildInfo.jarSha256());
        Invocation inv = Invocation.current();
        var cmd = m.putArray("command_line");
        inv.commandLine().forEach(cmd::add);
        m.put("started_at", inv.startedAt() == null ? null : inv.startedAt().toString());
        m.put("host", inv.host());
        m.put("working_directory", inv.workingDir());
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
