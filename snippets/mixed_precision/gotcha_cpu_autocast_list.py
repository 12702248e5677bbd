import torch

x = torch.randn(4, 8)
w = torch.randn(8, 8)

# CPU autocast: matmul goes to bfloat16; softmax and sum follow their
# bfloat16 input; losses go up to float32.
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    h = x @ w
    print("matmul:", h.dtype)
    print("softmax:", torch.softmax(h, dim=1).dtype)
    print("sum:", h.sum().dtype)
    mse = torch.nn.functional.mse_loss(h, torch.zeros(4, 8))
    print("mse_loss:", mse.dtype)
