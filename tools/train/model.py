"""PyTorch twin of the TS architecture builder for the Fashion-MNIST configs (block "basic" only).

Module and parameter names follow timm's state dict (conv1, bn1, layer{k}.{i}.conv1, ..., .se.fc1, fc) so the
exported safetensors load in the TS builder with the same names.
"""

import torch
from torch import nn


class SqueezeExcite(nn.Module):
    def __init__(self, channels: int, r: int):
        super().__init__()
        hidden = channels // r  # check_config makes sure r divides C, as the TS builder does
        # 1x1 convs with bias, as timm's SEModule: fc1 [C/r, C, 1, 1], fc2 [C, C/r, 1, 1].
        self.fc1 = nn.Conv2d(channels, hidden, 1, bias=True)
        self.fc2 = nn.Conv2d(hidden, channels, 1, bias=True)
        self.record = None  # a list while golden values are being captured

    def forward(self, u):
        z = u.mean((2, 3), keepdim=True)  # [N, C, H, W] -> [N, C, 1, 1]
        s = torch.sigmoid(self.fc2(torch.relu(self.fc1(z))))  # [N, C, 1, 1]
        if self.record is not None:
            self.record.append((z.flatten(1), s.flatten(1)))
        return u * s


class BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int, r):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.se = SqueezeExcite(cout, r) if r else None
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        u = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        if self.se is not None:
            u = self.se(u)  # SE on the residual branch, before the addition
        shortcut = x if self.downsample is None else self.downsample(x)
        return torch.relu(u + shortcut)


def check_config(cfg: dict) -> None:
    def need(cond, msg):
        if not cond:
            raise ValueError(f"config {cfg.get('name')!r}: {msg}")

    need(cfg.get("block") == "basic", "only block 'basic' is supported by the Fashion trainer")
    need(cfg.get("stem", {}).get("kind") == "3x3", "only stem kind '3x3' is supported")
    need(not cfg["stem"].get("maxPool"), "the 3x3 stem has no max pool")
    need(cfg.get("groups", 1) == 1, "basic blocks need groups = 1")
    need(cfg.get("strideOn", "3x3") == "3x3", "basic blocks stride on the 3x3 conv")
    need(len(cfg["depths"]) == len(cfg["widths"]) >= 1, "depths and widths must have the same non-zero length")
    se = cfg.get("se")
    if se is not None:
        need(int(se["r"]) >= 1, "se.r must be >= 1")
        need(len(se["stages"]) == len(cfg["widths"]), "se.stages needs one flag per stage")
        for s, (w, on) in enumerate(zip(cfg["widths"], se["stages"])):
            need(not on or w % int(se["r"]) == 0, f"se.r = {se['r']} does not divide the {w} channels of layer{s + 1}")
    need(float(cfg.get("bnEps", 1e-5)) == 1e-5, "the trainer uses BatchNorm eps 1e-5")


class SEResNet(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        check_config(cfg)
        self.cfg = cfg
        stem = cfg["stem"]["width"]
        self.conv1 = nn.Conv2d(cfg["inputChannels"], stem, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        se = cfg.get("se")
        cin = stem
        self.stage_names = []
        for s, (depth, width) in enumerate(zip(cfg["depths"], cfg["widths"])):
            r = se["r"] if se is not None and se["stages"][s] else None
            blocks = []
            for i in range(depth):
                stride = 2 if (s > 0 and i == 0) else 1
                blocks.append(BasicBlock(cin, width, stride, r))
                cin = width
            self.add_module(f"layer{s + 1}", nn.Sequential(*blocks))
            self.stage_names.append(f"layer{s + 1}")
        self.fc = nn.Linear(cin, cfg["numClasses"])
        for m in self.modules():
            if isinstance(m, nn.Conv2d) and not isinstance(m, SqueezeExcite):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
        for m in self.modules():
            if isinstance(m, BasicBlock):
                nn.init.zeros_(m.bn2.weight)  # timm's zero_init_last: each block starts as identity

    def se_blocks(self):
        """(paper name, module) for every SE block; layer1 is the paper's stage 2, so layer1.0 -> SE_2_1."""
        out = []
        for s, name in enumerate(self.stage_names):
            for i, block in enumerate(getattr(self, name)):
                if block.se is not None:
                    out.append((f"SE_{s + 2}_{i + 1}", block.se))
        return out

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))  # [N, 1, 28, 28] -> [N, C0, 28, 28]
        for name in self.stage_names:
            x = getattr(self, name)(x)
        return self.fc(x.mean((2, 3)))  # [N, C, H, W] -> [N, C] -> [N, classes]


def count_params(model: SEResNet) -> dict:
    total = sum(p.numel() for p in model.parameters())
    se = sum(p.numel() for _, m in model.se_blocks() for p in m.parameters())
    return {"total": total, "se": se}
