package eu.cloudmarket.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file given or extended by mistake (a password file, a key, a file that is not YAML) is named in the message,
 * with its line and column, but none of its content is printed.
 */
class ForeignFileTest {
    private static final String SECRET = "S3CRET";
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:" + SECRET
            + "-pass:/home/alice:/bin/sh\n";

    private final ScenarioLoader loader = new ScenarioLoader();

    private String failure(Path file) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> loader.load(file, List.of(), null));
        String message = e.getMessage();
        if (e instanceof ConfigProblems p) {
            message = String.join("\n", p.problems().stream().map(ConfigException::getMessage).toList());
        }
        assertFalse(message.contains(SECRET.substring(0, 2)), "message copies the file's content: " + message);
        assertFalse(message.contains("found character"), "message copies the file's content: " + message);
        assertFalse(message.contains("alice"), "message copies the file's content: " + message);
        return message;
    }

    @Test
    void aPasswordFileGivenAsTheConfigIsNamedButNotShown(@TempDir Path tmp) throws Exception {
        Path passwd = Files.writeString(tmp.resolve("passwd"), PASSWD);
        String m = failure(passwd);
        assertTrue(m.startsWith(passwd + ": top level must be a mapping"), m);
    }

    @Test
    void aPasswordFileReachedThroughExtendsIsNamedButNotShown(@TempDir Path tmp) throws Exception {
        Path passwd = Files.writeString(tmp.resolve("passwd"), PASSWD);
        Path config = Files.writeString(tmp.resolve("c.yaml"), "extends: " + passwd + "\nname: c\n");
        String m = failure(config);
        assertTrue(m.contains("passwd: top level must be a mapping"), m);
    }

    @Test
    void aMappingWithOnlyForeignKeysIsNotAScenarioAndItsKeysAreNotListed(@TempDir Path tmp) throws Exception {
        Path creds = Files.writeString(tmp.resolve("creds.json"), "{\"" + SECRET + "_token\": \"abc\"}");
        Path config = Files.writeString(tmp.resolve("c.yaml"), "extends: creds.json\nname: c\n");
        for (Path p : List.of(creds, config)) {
            String m = failure(p);
            assertTrue(m.contains("creds.json: not a scenario file"), m);
        }
    }

    /** Syntax errors whose offending text is the secret itself, or right next to it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\n\t" + SECRET + ": 1\n",
        "a: 1\n@" + SECRET + "\n",
        "a: `" + SECRET + "\n",
        "a: \"x \\q " + SECRET + "\"\n",
        "a: \"" + SECRET + " unclosed\n",
        SECRET + ": [1, 2\n",
        "a: 1\n  b: " + SECRET + "\n",
        "a: [1, " + SECRET + ": }\n",
        "? [a\n" + SECRET + "\n",
        "[section]\n" + SECRET + "=1\n",
        "a: &" + SECRET + "@x 1\n", // valid YAML: a mapping with a foreign key
        "a: !<" + SECRET + " 1\n",
        "a: \"\\x" + SECRET + "\"\n"})
    void aSyntaxErrorIsLocatedButNotQuoted(String text, @TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), text);
        String m = failure(f);
        assertTrue(m.matches("\\Q" + f + "\\E(:\\d+(:\\d+)?)?: .*"), m);
    }
}
