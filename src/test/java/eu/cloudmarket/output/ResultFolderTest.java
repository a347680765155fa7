package eu.cloudmarket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultFolderTest {
    @Test
    void nothingAppearsAtTheTargetUntilCommitAndThenAllAtOnce(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("run1");
        ResultFolder f = ResultFolder.create(target, false);
        Files.writeString(f.dir().resolve("quarters.csv"), "a,b\n");
        assertFalse(Files.exists(target));
        assertTrue(f.dir().getFileName().toString().matches("\\.run1\\.partial-\\d+-\\d+"), f.dir().toString());
        f.commit();
        assertEquals("a,b\n", Files.readString(target.resolve("quarters.csv")));
        assertEquals(Set.of("run1"), listing(tmp), "the temporary folder is gone");
        f.abandon(); // after commit: a no-op
        assertTrue(Files.exists(target));
    }

    @Test
    void anExistingFolderIsNeverOverwrittenWithoutForce(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("keep");
        Files.createDirectories(target);
        Files.writeString(target.resolve("mine.txt"), "precious");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> ResultFolder.create(target, false));
        assertTrue(e.getReason().contains("--force"), e.getReason());
        assertEquals("precious", Files.readString(target.resolve("mine.txt")));
        assertEquals(Set.of("keep"), listing(tmp), "no temporary folder left");
    }

    @Test
    void forceReplacesTheFolderWholeAndLeavesNothingAside(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("replace");
        Files.createDirectories(target);
        writeRunMark(target);
        Files.writeString(target.resolve("old.txt"), "old");
        ResultFolder f = ResultFolder.create(target, true);
        Files.writeString(f.dir().resolve("new.txt"), "new");
        assertEquals("old", Files.readString(target.resolve("old.txt")), "the old folder stays until commit");
        f.commit();
        assertEquals(Set.of("new.txt"), listing(target));
        assertEquals(Set.of("replace"), listing(tmp));
    }

    @Test
    void forceReplacesOnlyResultFoldersNeverFilesOrOtherFolders(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "precious");
        Path folder = Files.createDirectories(tmp.resolve("papers"));
        Files.writeString(folder.resolve("draft.tex"), "precious");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), folder);
        for (Path p : java.util.List.of(file, folder, link, Path.of(""), Path.of("src"))) {
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                    () -> ResultFolder.create(p, true), p.toString());
            assertTrue(e.getReason().contains("--force"), e.getReason());
        }
        assertEquals("precious", Files.readString(file));
        assertEquals("precious", Files.readString(folder.resolve("draft.tex")));
        assertEquals(Set.of("notes.txt", "papers", "link"), listing(tmp), "no temporary folder left");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ResultFolder.create(empty, true).abandon(); // an empty folder may be replaced
    }

    @Test
    void abandonRemovesTheTemporaryFolderAndCommitThenRefuses(@TempDir Path tmp) throws IOException {
        ResultFolder f = ResultFolder.create(tmp.resolve("x"), false);
        Files.writeString(f.dir().resolve("half.csv"), "1");
        f.abandon();
        assertEquals(Set.of(), listing(tmp));
        assertThrows(IOException.class, f::commit);
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void stalePartialFoldersOfDeadProcessesAreRemovedAndLiveOnesKept(@TempDir Path tmp) throws Exception {
        Process done = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        done.waitFor();
        long deadPid = done.pid();
        long livePid = ProcessHandle.current().pid();
        Path dead = Files.createDirectories(tmp.resolve(".a.partial-" + deadPid + "-1"));
        Files.writeString(dead.resolve(FolderMarks.PARTIAL_MARK), deadPid + " " + FolderLock.host() + "\n");
        Files.writeString(dead.resolve("quarters.csv"), "half");
        Path deadReplaced = Files.createDirectories(tmp.resolve(".b.replaced-" + deadPid + "-2"));
        Path live = Files.createDirectories(tmp.resolve(".c.partial-" + livePid + "-3"));
        Path unrelated = Files.createDirectories(tmp.resolve(".d.partial-notapid"));
        ResultFolder f = ResultFolder.create(tmp.resolve("e"), false);
        assertFalse(Files.exists(dead), "dead process's partial folder removed");
        assertFalse(Files.exists(deadReplaced), "dead process's replaced folder removed");
        assertTrue(Files.exists(live), "a live process's partial folder is left alone");
        assertTrue(Files.exists(unrelated), "folders not made by ResultFolder are left alone");
        f.abandon();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", ".", "", " ", "/tmp/x", "a/b", "a\\b", ".hidden", "x/../y", "a..b"})
    void namesThatWouldLeaveTheResultsFolderAreRefused(String name) {
        Path root = Path.of("results");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultFolder.inside(root, name));
        assertTrue(e.getMessage().contains("results"), e.getMessage());
    }

    @Test
    void ordinaryNamesStayDirectlyInsideTheResultsFolder() {
        Path root = Path.of("results");
        assertEquals(root.resolve("baseline-20250101-120000"), ResultFolder.inside(root, "baseline-20250101-120000"));
        assertEquals(root.resolve("alibaba_v2.1"), ResultFolder.inside(root, "alibaba_v2.1"));
    }

    /** The metadata.json a run of this tool writes, with the fields that identify it. */
    static void writeRunMark(Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.json"), "{\"tool\": \"cloudmarket\", \"version\": \"1.0\","
                + " \"scenario\": \"baseline\", \"config_sha256\": \"" + "ab".repeat(32) + "\"}\n");
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
