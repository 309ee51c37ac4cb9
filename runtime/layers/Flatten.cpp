//===- runtime/layers/Flatten.cpp - (C, H, W) -> C*H*W --------------------===//
//
// Everything is inline in the header; this file keeps one .cpp per layer.

#include "runtime/layers/Flatten.h"
