//===- runtime/Formula.cpp - Targets the code computes from its input -----===//

#include "runtime/Formula.h"

#include <cmath>
#include <cstdlib>

namespace gradlint::probe {

bool formulaOf(const std::vector<std::string> &Formula, const std::string &Var) {
  if (Var.empty())
    return false;
  for (const std::string &T : Formula)
    if (!T.empty() && T[0] == '@' && T.compare(1, std::string::npos, Var) != 0)
      return false;
  return true;
}

namespace {

/// A value of the formula: a matrix, or a scalar (a number literal).
struct Val {
  Mat M;
  bool Scalar = false;
  float S = 0;
};

/// Broadcasts \p A and \p B to one shape (a scalar or a single column
/// against anything); false when torch would refuse.
bool broadcast(Val &A, Val &B) {
  auto Widen = [](Val &V, int64_t Rows, int64_t Cols) {
    if (V.Scalar) {
      V.M = Mat::Constant(Rows, Cols, V.S);
      V.Scalar = false;
      return true;
    }
    if (V.M.rows() == Rows && V.M.cols() == Cols)
      return true;
    if (V.M.rows() == Rows && V.M.cols() == 1) {
      Mat W = V.M.col(0).replicate(1, Cols);
      V.M = W;
      return true;
    }
    return false;
  };
  if (A.Scalar && B.Scalar)
    return true;
  int64_t Rows = A.Scalar ? B.M.rows() : A.M.rows();
  int64_t Cols = std::max(A.Scalar ? 0 : A.M.cols(), B.Scalar ? 0 : B.M.cols());
  return Widen(A, Rows, Cols) && Widen(B, Rows, Cols);
}

} // namespace

StatusOr<Mat> evalFormula(const std::vector<std::string> &Formula, const Mat &X) {
  std::vector<Val> Stack;
  auto Fail = [](const std::string &Why) {
    return Status::error("the targets' formula " + Why);
  };
  for (const std::string &T : Formula) {
    if (!T.empty() && T[0] == '@') {
      Val V;
      V.M = X;
      Stack.push_back(std::move(V));
      continue;
    }
    char *End = nullptr;
    double Num = std::strtod(T.c_str(), &End);
    if (!T.empty() && End && *End == '\0') {
      Val V;
      V.Scalar = true;
      V.S = float(Num);
      Stack.push_back(std::move(V));
      continue;
    }
    bool BinaryOp = T == "+" || T == "-" || T == "*" || T == "/" || T == "pow";
    if (BinaryOp) {
      if (Stack.size() < 2)
        return Fail("is malformed");
      Val B = std::move(Stack.back());
      Stack.pop_back();
      Val A = std::move(Stack.back());
      Stack.pop_back();
      if (T == "pow") {
        if (!B.Scalar)
          return Fail("raises to a tensor power");
        float P = B.S;
        if (A.Scalar)
          A.S = std::pow(A.S, P);
        else
          A.M = A.M.unaryExpr([P](float V) { return std::pow(V, P); });
        Stack.push_back(std::move(A));
        continue;
      }
      if (!broadcast(A, B))
        return Fail("combines tensors of different shapes");
      Val R;
      R.Scalar = A.Scalar;
      if (A.Scalar) {
        R.S = T == "+" ? A.S + B.S : T == "-" ? A.S - B.S : T == "*" ? A.S * B.S : A.S / B.S;
      } else if (T == "+") {
        R.M = A.M + B.M;
      } else if (T == "-") {
        R.M = A.M - B.M;
      } else if (T == "*") {
        R.M = A.M.cwiseProduct(B.M);
      } else {
        R.M = A.M.cwiseQuotient(B.M);
      }
      Stack.push_back(std::move(R));
      continue;
    }
    if (Stack.empty())
      return Fail("is malformed");
    Val &A = Stack.back();
    if (A.Scalar)
      return Fail("applies " + T + " to a number");
    if (T == "neg")
      A.M = -A.M;
    else if (T == "sin")
      A.M = A.M.array().sin().matrix();
    else if (T == "cos")
      A.M = A.M.array().cos().matrix();
    else if (T == "exp")
      A.M = A.M.array().exp().matrix();
    else if (T == "abs")
      A.M = A.M.cwiseAbs();
    else if (T == "sum1")
      A.M = A.M.rowwise().sum().eval();
    else if (T == "mean1")
      A.M = A.M.rowwise().mean().eval();
    else
      return Fail("uses '" + T + "', which the probe does not model");
  }
  if (Stack.size() != 1 || Stack.back().Scalar)
    return Fail("is malformed");
  return Stack.back().M;
}

} // namespace gradlint::probe
