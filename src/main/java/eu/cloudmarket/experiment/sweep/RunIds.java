package eu.cloudmarket.experiment.sweep;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/** Sets of run ids in messages. */
public final class RunIds {
    private RunIds() {
    }

    /** Describes a set of run ids compactly: at most {@code limit} ids, then a count. */
    public static String describe(BitSet ids, int limit) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            if (shown == limit) {
                sb.append(" and ").append(ids.cardinality() - limit).append(" more");
                break;
            }
            sb.append(shown == 0 ? "" : ", ").append(id);
            shown++;
        }
        return sb.toString();
    }

    /** The ids grouped by their 1-based shard among {@code shards}. */
    static Map<Integer, BitSet> byShard(BitSet ids, int shards) {
        Map<Integer, BitSet> out = new TreeMap<>();
        for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            out.computeIfAbsent(id % shards + 1, x -> new BitSet()).set(id);
        }
        return out;
    }
}
