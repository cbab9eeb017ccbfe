package com.finlens.knowledge.embedding;

/**
 * The model and dimension an index was built with. Vectors from another space are meaningless next to these,
 * so stores refuse them with a clear error instead of returning nonsense neighbours.
 */
public record EmbeddingSpace(String model, int dimension) {

    public static EmbeddingSpace of(Embedder embedder) {
        return new EmbeddingSpace(embedder.model(), embedder.dimension());
    }

    /** Fails when a vector does not belong to this space. */
    public void check(String vectorModel, float[] vector) {
        if (!model.equals(vectorModel)) {
            throw new EmbeddingException("vector from model '" + vectorModel + "' cannot join an index built with '"
                    + model + "'; re-index after changing the embeddings model");
        }
        checkDimension(vector);
    }

    public void checkDimension(float[] vector) {
        if (vector.length != dimension) {
            throw new EmbeddingException("vector has " + vector.length + " dimensions but the index uses " + dimension
                    + " (" + model + ")");
        }
    }
}
