package dev.lamina.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutputNamesTest {
    private final List<String> roots = List.of("file:/in", "file:/in/deep", "s3a://bucket/photos");

    @Test
    void keepsSubfoldersBelowTheDeepestRoot() {
        OutputNames n = new OutputNames(roots, "{dir}/{name}.{ext}");
        assertEquals("a.png", n.relativeOutput("file:/in/a.png"));
        assertEquals("sub/b.jpg", n.relativeOutput("file:/in/sub/b.jpg"));
        assertEquals("c.png", n.relativeOutput("file:/in/deep/c.png"), "the deepest root wins");
        assertEquals("2024/x/y.JPG", n.relativeOutput("s3a://bucket/photos/2024/x/y.JPG"));
    }

    @Test
    void patternsRenameAndChangeTheFormat() {
        OutputNames n = new OutputNames(roots, "thumbs/{dir}/{name}-256.jpg");
        assertEquals("thumbs/a-256.jpg", n.relativeOutput("file:/in/a.png"));
        assertEquals("thumbs/sub/b-256.jpg", n.relativeOutput("file:/in/sub/b.png"));
        assertEquals("flat/archive.tar.png", new OutputNames(roots, "flat/{name}.png").relativeOutput("file:/in/x/archive.tar.gz"));
        assertEquals("noext.", new OutputNames(roots, "{name}.{ext}").relativeOutput("file:/in/noext"),
                "a name without extension has an empty {ext}");
    }

    @Test
    void anInputOutsideEveryRootKeepsItsFileName() {
        assertEquals("z.png", new OutputNames(roots, "{dir}/{name}.{ext}").relativeOutput("hdfs://nn/elsewhere/z.png"));
    }

    @Test
    void globBaseIsTheFolderAboveTheFirstWildcard() {
        assertEquals("s3a://b/photos", OutputNames.globBase("s3a://b/photos/2024-*/*.jpg"));
        assertEquals("/data", OutputNames.globBase("/data/img-??.png"));
        assertEquals("/", OutputNames.globBase("/*.png"));
        assertEquals(".", OutputNames.globBase("*.png"));
        assertEquals("/x", OutputNames.globBase("/x/{a,b}/c.png"));
        assertNull(OutputNames.globBase("/data/photos"));
    }
}
