import torch
from sklearn.datasets import load_digits
from torch.utils.data import Dataset


class Digits(Dataset):
    """1797 8x8 images of digits, shipped inside scikit-learn."""

    def __init__(self, transform=None):
        digits = load_digits()
        self.images = torch.tensor(digits.images, dtype=torch.float32)
        self.labels = torch.tensor(digits.target)
        self.transform = transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):  # one example, transformed on the way out
        image = self.images[index]
        if self.transform is not None:
            image = self.transform(image)
        return image, self.labels[index]


def to_features(image):
    return image.flatten() / 16.0  # pixel values go from 0 to 16


dataset = Digits(transform=to_features)
image, label = dataset[0]
print("examples:", len(dataset))
print("first:", tuple(image.shape), image.dtype, "label", label.item())
print("max pixel:", image.max().item())
