package com.bizcharts.index;

import java.time.Instant;

/**
 * The Fear/Greed index for one bucket, with its components (each on 0..100) so a reader can see why.
 *
 * @param value       0 = extreme fear, 100 = extreme greed; shrunk toward 50 when few posts carry it
 * @param sufficient  false when the bucket holds too few posts for a confident number
 */
public record IndexPoint(Instant bucket, int posts, double value, double sentiment, double bullishShare,
                         double activity, double balance, double zActivity, boolean sufficient) {}
