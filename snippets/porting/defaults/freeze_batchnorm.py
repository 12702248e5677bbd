import keras
import numpy as np
import torch

x = np.array([[1.0], [2.0], [3.0], [6.0]], dtype="float32")  # mean 3


def report(name, moving_mean, output):
    print(
        f"{name:38} moving mean {float(moving_mean):.2f}, "
        f"output mean {np.mean(output):.2f}"
    )


bn_t = torch.nn.BatchNorm1d(1)
bn_t.requires_grad_(False)  # frozen weights, but still in training mode
out_t = bn_t(torch.from_numpy(x)).detach().numpy()
report("torch requires_grad_(False)", bn_t.running_mean.item(), out_t)

bn_k = keras.layers.BatchNormalization()
bn_k.trainable = False  # Keras: a frozen BatchNorm runs in inference mode
out_k = keras.ops.convert_to_numpy(bn_k(x, training=True))
report("keras trainable=False, training=True", bn_k.moving_mean[0], out_k)

bn_t = torch.nn.BatchNorm1d(1).eval()  # the torch equivalent
out_t = bn_t(torch.from_numpy(x)).detach().numpy()
report("torch eval()", bn_t.running_mean.item(), out_t)

# A training loop calls model.train() every epoch: it undoes that eval().
backbone = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.BatchNorm1d(1))
backbone[1].eval()
backbone.train()
print("torch eval(), then model.train(): BatchNorm training =", end=" ")
print(backbone[1].training)


class FrozenBatchNorm(torch.nn.Sequential):
    def train(self, mode=True):  # model.train() and model.eval() call this
        super().train(mode)
        self[1].eval()  # the frozen BatchNorm stays in inference mode
        return self


backbone = FrozenBatchNorm(torch.nn.Linear(1, 1), torch.nn.BatchNorm1d(1))
backbone.train()
print("a train() that re-applies eval(): BatchNorm training =", end=" ")
print(backbone[1].training)
