package com.bizcharts.learn.active;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which posts a person should label next: the ones the model is least sure about, spread over the
 * different kinds of post so that fifty labels do not all go to fifty copies of the same meme.
 *
 * <p>Posts are clustered with k-means in the model's feature space (50 clusters by default). Within a cluster,
 * each post's priority is {@code w * uncertainty + (1 - w) * representativeness}, with uncertainty the
 * normalised entropy and representativeness how close the post lies to its cluster centre (a typical post
 * teaches more than an outlier); w = 0.6 as in the prototype. The queue then takes the best post of every
 * cluster, clusters ordered by that post's priority, then the second best of every cluster, and so on.
 */
public final class HybridAcquisition {

    public static final double DEFAULT_UNCERTAINTY_WEIGHT = 0.6;
    public static final int DEFAULT_CLUSTERS = 50;

    private final double uncertaintyWeight;
    private final int clusters;
    private final long seed;

    public HybridAcquisition(double uncertaintyWeight, int clusters, long seed) {
        if (uncertaintyWeight < 0 || uncertaintyWeight > 1) throw new IllegalArgumentException("uncertainty weight must be in [0, 1]");
        if (clusters < 1) throw new IllegalArgumentException("clusters must be at least 1");
        this.uncertaintyWeight = uncertaintyWeight;
        this.clusters = clusters;
        this.seed = seed;
    }

    public static HybridAcquisition standard() {
        return new HybridAcquisition(DEFAULT_UNCERTAINTY_WEIGHT, DEFAULT_CLUSTERS, 17);
    }

    /** Every candidate, most useful to label first. */
    public List<Ranked> order(List<Candidate> candidates) {
        int n = candidates.size();
        if (n == 0) return List.of();
        double[][] points = candidates.stream().map(Candidate::features).toArray(double[][]::new);
        int[] cluster = KMeans.assign(points, clusters, seed, 50);
        int k = 0;
        for (int c : cluster) k = Math.max(k, c + 1);

        double[][] centroids = centroids(points, cluster, k);
        double[] distance = new double[n];
        double maxDistance = 0;
        for (int i = 0; i < n; i++) {
            distance[i] = Math.sqrt(KMeans.squaredDistance(points[i], centroids[cluster[i]]));
            maxDistance = Math.max(maxDistance, distance[i]);
        }
        List<List<Ranked>> byCluster = new ArrayList<>();
        for (int c = 0; c < k; c++) byCluster.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Candidate cand = candidates.get(i);
            double uncertainty = cand.normalisedEntropy();
            double typical = maxDistance == 0 ? 1 : 1 - distance[i] / maxDistance;
            double priority = uncertaintyWeight * uncertainty + (1 - uncertaintyWeight) * typical;
            byCluster.get(cluster[i]).add(new Ranked(cand.threadId(), priority, uncertainty, cluster[i]));
        }
        Comparator<Ranked> best = Comparator.comparingDouble(Ranked::priority).reversed()
                .thenComparingLong(Ranked::threadId);
        byCluster.forEach(list -> list.sort(best));

        List<Ranked> queue = new ArrayList<>(n);
        for (int round = 0; queue.size() < n; round++) {
            List<Ranked> layer = new ArrayList<>();
            for (List<Ranked> list : byCluster) if (round < list.size()) layer.add(list.get(round));
            layer.sort(best);
            queue.addAll(layer);
        }
        return queue;
    }

    private static double[][] centroids(double[][] points, int[] cluster, int k) {
        int dim = points[0].length;
        double[][] c = new double[k][dim];
        int[] counts = new int[k];
        for (int i = 0; i < points.length; i++) {
            counts[cluster[i]]++;
            for (int d = 0; d < dim; d++) c[cluster[i]][d] += points[i][d];
        }
        for (int j = 0; j < k; j++) for (int d = 0; d < dim; d++) if (counts[j] > 0) c[j][d] /= counts[j];
        return c;
    }

    /** One post's place in the queue and why. */
    public record Ranked(long threadId, double priority, double uncertainty, int cluster) {}
}
