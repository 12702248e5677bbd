import keras
import numpy as np
import torch

model_t = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5))
print("torch new model, training flags:", [m.training for m in model_t])
model_t.eval()  # sets the flag on every submodule, until model_t.train()
print("torch after eval():", [m.training for m in model_t])
with torch.no_grad():  # no_grad does not change the mode, nor eval() grads
    model_t.train()
    out = model_t(torch.ones(1000, 4))
print(
    "torch train() under no_grad, share of zeros:",
    f"{(out == 0).float().mean().item():.1f}",
)


class Probe(keras.layers.Layer):  # records the `training` it is called with
    def call(self, x, training=None):
        seen.append(training)
        return x


seen = []
model_k = keras.Sequential([keras.Input((4,)), keras.layers.Dense(4), Probe()])
model_k.compile(optimizer="sgd", loss="mse", run_eagerly=True)
x = np.ones((8, 4), "float32")
for name, run in [
    ("model(x)", lambda: model_k(x)),
    ("model(x, training=True)", lambda: model_k(x, training=True)),
    ("predict", lambda: model_k.predict(x, verbose=0)),
    ("fit", lambda: model_k.fit(x, x, verbose=0)),
]:
    seen.clear()
    run()
    print(f"keras {name}: the layer sees training={seen[-1]}")
