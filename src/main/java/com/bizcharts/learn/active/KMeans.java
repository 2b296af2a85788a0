package com.bizcharts.learn.active;

import java.util.Arrays;
import java.util.Random;

/**
 * Plain Lloyd k-means with k-means++ seeding over dense vectors, seeded for reproducible queues. Small on
 * purpose: active learning clusters a few thousand unlabeled posts, not millions.
 */
final class KMeans {

    private KMeans() {}

    /** Returns the cluster index of every point; k is clamped to the number of points. */
    static int[] assign(double[][] points, int k, long seed, int maxIterations) {
        int n = points.length;
        if (n == 0) return new int[0];
        k = Math.max(1, Math.min(k, n));
        double[][] centroids = seed(points, k, new Random(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iter = 0; iter < maxIterations; iter++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(points[i], centroids);
                if (best != assignment[i]) {
                    assignment[i] = best;
                    moved = true;
                }
            }
            if (!moved) break;
            recompute(points, assignment, centroids);
        }
        return assignment;
    }

    private static double[][] seed(double[][] points, int k, Random rnd) {
        int n = points.length;
        double[][] centroids = new double[k][];
        centroids[0] = points[rnd.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = squaredDistance(points[i], centroids[nearest(points[i], Arrays.copyOf(centroids, c))]);
                sum += d2[i];
            }
            int chosen = rnd.nextInt(n);
            if (sum > 0) {
                double r = rnd.nextDouble() * sum;
                for (int i = 0; i < n; i++) {
                    r -= d2[i];
                    if (r <= 0) { chosen = i; break; }
                }
            }
            centroids[c] = points[chosen].clone();
        }
        return centroids;
    }

    private static void recompute(double[][] points, int[] assignment, double[][] centroids) {
        int dim = points[0].length;
        double[][] sums = new double[centroids.length][dim];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            counts[assignment[i]]++;
            for (int d = 0; d < dim; d++) sums[assignment[i]][d] += points[i][d];
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] == 0) continue; // an emptied cluster keeps its old centre
            for (int d = 0; d < dim; d++) centroids[c][d] = sums[c][d] / counts[c];
        }
    }

    static int nearest(double[] p, double[][] centroids) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(p, centroids[c]);
            if (d < bestD) { bestD = d; best = c; }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}
