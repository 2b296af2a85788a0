package com.bizcharts.sentiment.hub;

import com.bizcharts.sentiment.scoring.RegisteredModel;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished fetch: the model as registered (never active), its folder, what is worth saying about the files (hashes
 * recorded on first download, files already in place), and how to turn the model on.
 *
 * @param folder     the folder as the settings name it ({@code models/NAME})
 * @param downloaded files that came over the network this time (the others were in place and verified)
 */
public record FetchResult(RegisteredModel model, Path folder, int downloaded, List<String> notes, String turnOn) {}
