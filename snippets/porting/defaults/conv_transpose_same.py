import keras
import numpy as np
import torch

x = np.random.default_rng(0).normal(size=(1, 5, 1)).astype("float32")
x_t = torch.from_numpy(x).transpose(1, 2)  # (batch, channels, length)


def compare(kernel, padding, output_padding=0, crop=0):
    up_t = torch.nn.ConvTranspose1d(
        1, 1, kernel, 2, padding, output_padding, bias=False
    )
    up_k = keras.layers.Conv1DTranspose(1, kernel, 2, "same", use_bias=False)
    up_k.build((None, None, 1))
    # torch (in, out, k) -> Keras (k, out, in)
    up_k.set_weights([up_t.weight.detach().numpy().transpose(2, 1, 0)])
    with torch.no_grad():
        out_t = up_t(x_t).transpose(1, 2).numpy()
    out_k = keras.ops.convert_to_numpy(up_k(x))
    out_t = out_t[:, : out_t.shape[1] - crop]  # drop the last `crop` steps
    gap = np.abs(out_t - out_k).max()
    print(
        f"kernel {kernel}, torch padding={padding}, output_padding="
        f"{output_padding}, last {crop} cropped: difference {gap:.1e}"
    )


torch.manual_seed(0)
compare(3, padding=1, output_padding=1)  # the usual "same" recipe
compare(3, padding=0, crop=1)  # Keras crops the end only
compare(4, padding=1)  # even kernel: the recipe holds
