package eu.cloudmarket.scenario;

/**
 * A problem with user input (a config file, a sweep file or a command-line value), reported as one line naming the
 * file, the key path, the position when known, and the reason. The CLI turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    public ConfigException(String file, String path, int line, int column, String reason) {
        super(format(file, path, line, column, reason));
        this.file = file;
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public ConfigException(String file, String path, String reason) {
        this(file, path, -1, -1, reason);
    }

    private static String format(String file, String path, int line, int column, String reason) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append("key '").append(path).append("': ");
        }
        sb.append(reason);
        return sb.toString().replace('\n', ' ');
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    /** The same problem located at a line and column. */
    public ConfigException at(int newLine, int newColumn) {
        return new ConfigException(file, path, newLine, newColumn, reason);
    }
}
