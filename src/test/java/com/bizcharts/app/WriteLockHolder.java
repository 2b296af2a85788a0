package com.bizcharts.app;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A second process that holds the database's write lock for a while, as a long import or a rescore does: opens FILE,
 * stores a post inside a write, prints "holding", keeps the transaction open for MILLIS, commits, prints "released".
 */
public final class WriteLockHolder {

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[1]);
        try (Database db = Database.open(Path.of(args[0]))) {
            db.writeVoid(ctx -> {
                Instant t = Instant.parse("2025-11-01T00:00:00Z");
                new ThreadRepository(db).upsert(ctx, List.of(new ThreadOp(99, "biz", null, null, "held", null, null, t, 0, 0,
                        null, null, false, false, ThreadOp.Source.LIVE)), t);
                System.out.println("holding");
                System.out.flush();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            System.out.println("released");
        }
    }
}
