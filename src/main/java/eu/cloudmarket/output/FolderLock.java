package eu.cloudmarket.output;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a folder that one process writes for a long time (a sweep, or one shard of it), held through a
 * lock file that nothing else in the process ever opens: a POSIX lock is dropped when its process closes any
 * descriptor of the locked file, so locking a file that is also read (a journal) does not hold. The holder writes
 * {@code pid host} into the lock file, so a refused process can say who holds the folder; the content is cleared when
 * the lock is released. A stale file left by a killed holder does not block anyone: the operating system drops the
 * lock of a dead process.
 *
 * <p>Where the file system refuses locks altogether (some NFS mounts without a lock manager), the lock file's content
 * is the only guard: a folder whose lock file names a live process on this host, or any process on another host, is
 * refused (the message says to delete the lock file if that process is gone).
 */
public final class FolderLock implements Closeable {
    /** Longest holder line read back from a lock file. */
    private static final int HOLDER_BYTES = 512;

    private final FileChannel channel;
    private final FileLock lock;

    /** The folder is held by another process (or another sweep in this one). */
    public static final class HeldException extends IOException {
        private static final long serialVersionUID = 1L;

        HeldException(Path folder, Path file, String holder, String advice) {
            super(folder + " is in use by " + holder + " (lock file " + file + "); " + advice);
        }
    }

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock file {@code file} of {@code folder} (creating it), or fails with {@link HeldException} at once if
     * another holder has it.
     */
    public static FolderLock acquire(Path folder, Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another sweep in this JVM
            } catch (IOException e) {
                return withoutLocks(folder, file, ch);
            }
            if (lock == null) {
                throw new HeldException(folder, file, describe(holder(ch)), "wait until it has finished");
            }
            writeHolder(ch);
            return new FolderLock(ch, lock);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A file system without locks: the holder line is the guard. */
    private static FolderLock withoutLocks(Path folder, Path file, FileChannel ch) throws IOException {
        String holder = holder(ch);
        String[] pidHost = holder.split(" ", 2);
        if (pidHost.length == 2) {
            boolean here = pidHost[1].equals(host());
            boolean alive = here && pidHost[0].matches("\\d{1,19}")
                    && ProcessHandle.of(Long.parseLong(pidHost[0])).map(ProcessHandle::isAlive).orElse(false);
            if (alive || !here) {
                throw new HeldException(folder, file, describe(holder), "this file system does not lock files, so"
                        + " if that process is gone, delete the lock file yourself");
            }
        }
        writeHolder(ch);
        return new FolderLock(ch, null);
    }

    /** The name of this host, as written into lock and partial marks. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void writeHolder(FileChannel ch) throws IOException {
        ch.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap((ProcessHandle.current().pid() + " " + host() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf, buf.position());
        }
        ch.force(false);
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(HOLDER_BYTES);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // read until full or end of file
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    }

    private static String describe(String holder) {
        String[] pidHost = holder.split(" ", 2);
        return pidHost.length == 2 ? "process " + pidHost[0] + " on " + pidHost[1] : "another process";
    }

    /** Clears the holder line and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
