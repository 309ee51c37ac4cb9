import torch
net = torch.nn.Linear(3, 1)
