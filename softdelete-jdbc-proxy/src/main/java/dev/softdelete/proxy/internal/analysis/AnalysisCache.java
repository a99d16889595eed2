package dev.softdelete.proxy.internal.analysis;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Analyses by SQL string, bounded by an estimate of the heap they hold (two bytes per character,
 * as for non-Latin-1 text, plus object overhead): past the budget an arbitrary tenth of the
 * budget is evicted. Counts hits, misses and evictions for the meters.
 */
final class AnalysisCache {

    private static final int ENTRY_OVERHEAD = 96;

    private final long maxBytes;
    private final ConcurrentHashMap<String, Analysis> map = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder hits;
    private final LongAdder misses;
    private final LongAdder evictions;
    private final Object evictLock = new Object();

    /** An empty cache; the counters carry on from {@code counting} (a cache replaced after a watch-list change), if given. */
    AnalysisCache(long maxBytes, AnalysisCache counting) {
        this.maxBytes = maxBytes;
        this.hits = counting == null ? new LongAdder() : counting.hits;
        this.misses = counting == null ? new LongAdder() : counting.misses;
        this.evictions = counting == null ? new LongAdder() : counting.evictions;
    }

    Analysis get(String key) {
        Analysis a = map.get(key);
        if (a == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return a;
    }

    /** A lookup not counted as a hit or miss (the analysis thread's own probes). */
    Analysis peek(String key) {
        return map.get(key);
    }

    void put(String key, Analysis value) {
        if (map.putIfAbsent(key, value) == null && bytes.addAndGet(cost(key, value)) > maxBytes) {
            evict();
        }
    }

    private void evict() {
        synchronized (evictLock) {
            long target = maxBytes - maxBytes / 10;
            Iterator<java.util.Map.Entry<String, Analysis>> it = map.entrySet().iterator();
            while (bytes.get() > target && it.hasNext()) {
                var e = it.next();
                if (map.remove(e.getKey(), e.getValue())) {
                    bytes.addAndGet(-cost(e.getKey(), e.getValue()));
                    evictions.increment();
                }
            }
        }
    }

    static long cost(String key, Analysis value) {
        long analysis = value == Analysis.NOTHING ? 0 : 64 + 32L * (value.hits().size() + value.leaks().size());
        return ENTRY_OVERHEAD + 2L * key.length() + analysis;
    }

    int size() {
        return map.size();
    }

    long bytes() {
        return bytes.get();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long evictions() {
        return evictions.sum();
    }
}
