package eu.cloudmarket.experiment.sweep;

import eu.cloudmarket.scenario.ConfigException;

/**
 * Shard {@code index} of {@code count} (1-based, as in SLURM's {@code $SLURM_ARRAY_TASK_ID}): the runs with
 * {@code run_id mod count = index - 1}.
 */
public record Shard(int index, int count) {
    public static final int MAX_SHARDS = 1_000_000;

    /** Parses {@code I/N}; null gives null (no sharding). */
    public static Shard parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        String[] parts = t.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("\\d{1,9}")) {
            throw new ConfigException("--shard", null, "must be I/N with 1 <= I <= N, e.g. --shard 2/8; was '" + text
                    + "'");
        }
        int i = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        if (n < 1 || n > MAX_SHARDS) {
            throw new ConfigException("--shard", null, "the number of shards N must be between 1 and " + MAX_SHARDS
                    + "; was '" + text + "'");
        }
        if (i < 1 || i > n) {
            throw new ConfigException("--shard", null, "the shard I must be between 1 and N = " + n + "; was '" + text
                    + "'");
        }
        return new Shard(i, n);
    }

    public boolean contains(int runId) {
        return runId % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
