package com.finlens.market.bench;

import static com.finlens.testing.ReplayServer.await;

import com.finlens.integration.dart.DartClient;
import com.finlens.integration.krx.KrxClient;
import com.finlens.integration.upstream.SnapshotTransport;
import com.finlens.market.calendar.KrxCalendar;
import com.finlens.market.AliasCatalog;
import com.finlens.market.CompanyDirectory;
import com.finlens.market.CompanyDirectoryLoader;
import com.finlens.market.MentionFinder;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Prints how long the offline directory takes to build and how long resolution and mention detection take.
 * Run: {@code ./mvnw -q -o -pl backend test-compile} then
 * {@code java -cp backend/target/test-classes:backend/target/classes:$(cat /tmp/cp.txt) com.finlens.market.bench.ResolutionBenchmark}
 * (class path from {@code ./mvnw -q -o -pl backend dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}).
 */
public final class ResolutionBenchmark {

    private static final List<String> QUERIES = List.of("삼성전자", "삼성 전자", "삼전", "삼성전지", "Samsung Electronics",
            "005930", "005930.KS", "SK하이닉스", "하이닉스", "셀트리언", "LG엔솔", "에코프로비엠", "Apple", "애플", "삼성",
            "카카오뱅크", "현대차2우B", "삼성바이오로직수", "Hyundai Motor", "zzqxw");

    private ResolutionBenchmark() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("bench", 1);
        long t0 = System.nanoTime();
        CompanyDirectoryLoader loader = new CompanyDirectoryLoader(
                new DartClient(SnapshotTransport.load(vertx, "dart"), null, worker),
                new KrxClient(SnapshotTransport.load(vertx, "krx"), null, Clock.systemUTC(), worker),
                AliasCatalog.bundled(), KrxCalendar.bundled(), worker, Clock.systemUTC());
        CompanyDirectory directory = await(loader.load());
        long t1 = System.nanoTime();
        System.out.printf("directory: %d companies built in %.0f ms%n", directory.size(), (t1 - t0) / 1e6);

        int rounds = 2_000;
        for (int warm = 0; warm < 200; warm++) {
            QUERIES.forEach(q -> directory.resolve(q, 5));
        }
        long[] perQuery = new long[QUERIES.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < QUERIES.size(); i++) {
                long s = System.nanoTime();
                directory.resolve(QUERIES.get(i), 5);
                perQuery[i] += System.nanoTime() - s;
            }
        }
        long total = Arrays.stream(perQuery).sum();
        System.out.printf("resolve: %.1f us mean over %d queries x %d rounds%n",
                total / 1e3 / rounds / QUERIES.size(), QUERIES.size(), rounds);
        for (int i = 0; i < QUERIES.size(); i++) {
            System.out.printf("  %-22s %8.1f us%n", QUERIES.get(i), perQuery[i] / 1e3 / rounds);
        }

        long m0 = System.nanoTime();
        MentionFinder finder = new MentionFinder(directory, AliasCatalog.bundled().mentionStopwords());
        long m1 = System.nanoTime();
        String paragraph = "삼성전자와 SK하이닉스가 반도체 업황 회복 기대에 나란히 올랐다. LG에너지솔루션(373220)은 약세였고, "
                + "Apple and NVIDIA rallied while 에코프로비엠은 보합. 현대차는 신차 효과로 상승했다. ";
        String text = paragraph.repeat(20_000 / paragraph.length());
        for (int warm = 0; warm < 50; warm++) {
            finder.find(text);
        }
        int mentionRounds = 200;
        long f0 = System.nanoTime();
        int found = 0;
        for (int r = 0; r < mentionRounds; r++) {
            found = finder.find(text).size();
        }
        long f1 = System.nanoTime();
        System.out.printf("mentions: finder built in %.0f ms; %d chars -> %d mentions in %.2f ms mean%n",
                (m1 - m0) / 1e6, text.length(), found, (f1 - f0) / 1e6 / mentionRounds);
        worker.close();
        await(vertx.close());
    }
}
