package com.bizcharts.sentiment.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a model's files are read from: a directory on disk, or the copy of models/default bundled in the jar. */
public interface ModelFiles {

    /** The resource folder inside the jar that holds the bundled default model. */
    String BUNDLED_DEFAULT = "/com/bizcharts/models/default/";

    InputStream open(String name) throws IOException;

    boolean exists(String name);

    /** For messages and the registry: the directory path or "jar:" plus the resource folder. */
    String location();

    static ModelFiles directory(Path dir) {
        return new ModelFiles() {
            @Override
            public InputStream open(String name) throws IOException {
                return Files.newInputStream(dir.resolve(name));
            }

            @Override
            public boolean exists(String name) {
                return Files.isRegularFile(dir.resolve(name));
            }

            @Override
            public String location() {
                return dir.toString();
            }
        };
    }

    static ModelFiles bundled(String folder) {
        return new ModelFiles() {
            @Override
            public InputStream open(String name) throws IOException {
                InputStream in = ModelFiles.class.getResourceAsStream(folder + name);
                if (in == null) throw new IOException("not in the jar: " + folder + name);
                return in;
            }

            @Override
            public boolean exists(String name) {
                return ModelFiles.class.getResource(folder + name) != null;
            }

            @Override
            public String location() {
                return "jar:" + folder;
            }
        };
    }
}
