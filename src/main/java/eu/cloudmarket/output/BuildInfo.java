package eu.cloudmarket.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * What was built: the tool version, the commit the jar was built from and whether its tree had uncommitted changes,
 * and the reproducible build time, all read from resources the build wrote into the jar (so they describe the build,
 * not the folder the tool runs in), plus the SHA-256 of the running jar.
 *
 * @param version    the project version
 * @param commit     the full commit id, or "unknown" (built without .git, e.g. from a source tarball)
 * @param dirty      whether the built tree differed from the commit; empty when the commit is unknown
 * @param buildTime  the build's timestamp (the commit's time, for reproducible jars), or "unknown"
 */
public record BuildInfo(String version, String commit, Optional<Boolean> dirty, String buildTime) {
    /** Written by git-commit-id-maven-plugin (see pom.xml); absent in a build without .git. */
    static final String GIT_RESOURCE = "/eu/cloudmarket/build.properties";
    /** Written by resource filtering (see pom.xml). */
    static final String VERSION_RESOURCE = "/cloudmarket-version.properties";
    static final String UNKNOWN = "unknown";

    /** The build of the running code. */
    public static BuildInfo current() {
        Properties version = load(VERSION_RESOURCE);
        Properties git = load(GIT_RESOURCE);
        String commit = known(git.getProperty("git.commit.id"));
        Optional<Boolean> dirty = commit.equals(UNKNOWN) ? Optional.empty()
                : Optional.ofNullable(git.getProperty("git.dirty")).map(Boolean::parseBoolean);
        return new BuildInfo(known(version.getProperty("version")), commit, dirty,
                known(version.getProperty("build_time")));
    }

    /** The commit, with "(uncommitted changes)" after it when the built tree was dirty, for {@code --version}. */
    public String describeCommit() {
        return commit + (dirty.orElse(false) ? " (built with uncommitted changes)" : "");
    }

    /**
     * The SHA-256 of the jar this class was loaded from, or "not a jar" when running from class folders (tests, an
     * IDE), or "unknown" when it cannot be read.
     */
    public static String jarSha256() {
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return "not a jar";
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar.get()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static Optional<Path> runningJar() {
        try {
            CodeSource source = BuildInfo.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as unknown values
        }
        return p;
    }

    /** The value, or "unknown" for a missing one or an unfiltered placeholder ({@code ${...}}). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
    }
}
