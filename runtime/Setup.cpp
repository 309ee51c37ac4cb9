//===- runtime/Setup.cpp - How the code trains a model --------------------===//

#include "runtime/Setup.h"
#include "runtime/Formula.h"

#include <algorithm>
#include <cstdio>

namespace gradlint::probe {

namespace {

bool trains(const ir::StepNode &N) {
  if (N.Kind == ir::StepNode::Event)
    return N.Ev.Op == ir::StepOp::Backward || N.Ev.Op == ir::StepOp::Step;
  for (const ir::StepNode &C : N.Children)
    if (trains(C))
      return true;
  return false;
}

/// The innermost loop that calls backward or step, or nullptr.
const ir::StepNode *trainingLoop(const std::vector<ir::StepNode> &Nodes) {
  for (const ir::StepNode &N : Nodes) {
    if (!trains(N) || N.Kind == ir::StepNode::Event)
      continue;
    if (const ir::StepNode *Inner = trainingLoop(N.Children))
      return Inner;
    if (N.Kind == ir::StepNode::Loop)
      return &N;
  }
  return nullptr;
}

bool mentions(const std::vector<ir::StepNode> &Nodes, const std::string &Model) {
  for (const ir::StepNode &N : Nodes) {
    if (N.Kind == ir::StepNode::Event && N.Ev.Op == ir::StepOp::Forward &&
        N.Ev.ModelName == Model)
      return true;
    if (mentions(N.Children, Model))
      return true;
  }
  return false;
}

/// Events in source order, each tagged: inside the training loop, in a loop
/// around it, or elsewhere before/after it.
enum class Where { Before, Around, Inside, After };
void walk(const std::vector<ir::StepNode> &Nodes, const ir::StepNode *Loop,
          bool InLoop, bool &Seen, bool AroundLoop,
          std::vector<std::pair<Where, const ir::StepEvent *>> &Out) {
  for (const ir::StepNode &N : Nodes) {
    if (&N == Loop) {
      walk(N.Children, Loop, true, Seen, false, Out);
      Seen = true;
      continue;
    }
    if (N.Kind == ir::StepNode::Event) {
      Where W = InLoop ? Where::Inside
                : Seen ? Where::After
                : AroundLoop ? Where::Around
                             : Where::Before;
      Out.push_back({W, &N.Ev});
      continue;
    }
    bool ContainsLoop = false;
    if (Loop && !InLoop) {
      std::vector<const ir::StepNode *> Stack{&N};
      while (!Stack.empty() && !ContainsLoop) {
        const ir::StepNode *S = Stack.back();
        Stack.pop_back();
        if (S == Loop)
          ContainsLoop = true;
        for (const ir::StepNode &C : S->Children)
          Stack.push_back(&C);
      }
    }
    walk(N.Children, Loop, InLoop, Seen,
         AroundLoop || (ContainsLoop && N.Kind == ir::StepNode::Loop), Out);
  }
}

/// Steps of \p Loop: its trip count times those of the loops around it,
/// when all are stated. False when \p Loop is not under \p Nodes.
bool loopSteps(const std::vector<ir::StepNode> &Nodes, const ir::StepNode *Loop,
               std::optional<int64_t> &Steps) {
  for (const ir::StepNode &N : Nodes) {
    if (&N == Loop) {
      Steps = N.Trips;
      return true;
    }
    if (!loopSteps(N.Children, Loop, Steps))
      continue;
    if (N.Kind == ir::StepNode::Loop)
      Steps = Steps && N.Trips ? std::optional<int64_t>(*Steps * *N.Trips)
                               : std::nullopt;
    return true;
  }
  return false;
}

/// The optimizer variable \p Var used in \p Function of \p File. In a
/// merged project several files may each have a `main` with an `optimizer`:
/// the one in the same file wins.
const ir::Optimizer *findOptimizer(const ir::Program &P, const std::string &Var,
                                   const std::string &Function,
                                   const std::string &File) {
  const ir::Optimizer *SameFunction = nullptr;
  const ir::Optimizer *Any = nullptr;
  for (const ir::Optimizer &O : P.Optimizers) {
    if (O.Var != Var)
      continue;
    if (O.Function == Function && O.Loc.File == File)
      return &O;
    if (O.Function == Function && !SameFunction)
      SameFunction = &O;
    if (!Any)
      Any = &O;
  }
  return SameFunction ? SameFunction : Any;
}

/// Whether the model's input goes (through an embedding at most) into a
/// recurrent layer that is not batch_first: its data is [L, N, ...].
bool sequenceFirst(const std::vector<ir::Layer> &Chain) {
  for (const ir::Layer &L : Chain) {
    switch (L.Kind) {
    case ir::LayerKind::Embedding:
    case ir::LayerKind::Dropout:
    case ir::LayerKind::Activation:
      continue;
    case ir::LayerKind::RNN:
    case ir::LayerKind::LSTM:
    case ir::LayerKind::GRU:
      return L.BatchFirst && !*L.BatchFirst;
    default:
      return false;
    }
  }
  return false;
}

} // namespace

StatusOr<TrainingSetup> resolveSetup(const ir::Program &P,
                                     const std::string &ModelName) {
  const ir::Model *M = P.findModel(ModelName);
  if (!M)
    return Status::error("model '" + ModelName + "' is not in the program");
  TrainingSetup S;
  S.Model = *M;

  const ir::TrainingFunction *TF = nullptr;
  for (const ir::TrainingFunction &T : P.Trainings)
    if (mentions(T.Body, ModelName)) {
      TF = &T;
      break;
    }
  if (!TF && P.Models.size() == 1 && P.Trainings.size() == 1)
    TF = &P.Trainings.front();

  const ir::Optimizer *Opt = nullptr;
  const ir::StepEvent *LossEv = nullptr, *ForwardEv = nullptr;
  if (TF) {
    const ir::StepNode *Loop = trainingLoop(TF->Body);
    if (Loop)
      loopSteps(TF->Body, Loop, S.LoopSteps);
    else
      S.LoopSteps = 1; // straight-line code steps once
    std::vector<std::pair<Where, const ir::StepEvent *>> Events;
    bool Seen = false;
    walk(TF->Body, Loop, Loop == nullptr, Seen, false, Events);
    std::vector<Action> AroundZero;
    for (auto [W, E] : Events) {
      if (W == Where::After)
        continue;
      auto Push = [&](Action A) {
        if (W == Where::Inside)
          S.Each.push_back(A);
        else if (W == Where::Around && A == Action::ZeroGrad)
          AroundZero.push_back(A); // clears once per outer iteration: assume each
        else if (W != Where::Around || A == Action::Train || A == Action::Eval)
          S.Once.push_back(A);
      };
      bool OtherModel = !E->ModelName.empty() && E->ModelName != ModelName;
      switch (E->Op) {
      case ir::StepOp::Forward:
        if (OtherModel)
          break;
        if (!E->GradDisabledBy.empty() && W == Where::Inside)
          S.GradDisabled = true;
        if (!ForwardEv || (W == Where::Inside && !ForwardEv->Input))
          ForwardEv = E;
        Push(Action::Forward);
        break;
      case ir::StepOp::Loss:
        if ((E->Detached || !E->GradDisabledBy.empty()) && W == Where::Inside)
          S.GradDisabled = true;
        if (!LossEv)
          LossEv = E;
        Push(Action::Loss);
        break;
      case ir::StepOp::ZeroGrad: {
        if (OtherModel)
          break;
        const ir::Optimizer *O = findOptimizer(P, E->Var, TF->Name, E->Loc.File);
        if (O && !O->ModelName.empty() && O->ModelName != ModelName)
          break; // clears another model's gradients
        Push(Action::ZeroGrad);
        break;
      }
      case ir::StepOp::Backward:
        if (!E->GradDisabledBy.empty() && W == Where::Inside)
          S.GradDisabled = true;
        Push(Action::Backward);
        break;
      case ir::StepOp::Step: {
        const ir::Optimizer *O = findOptimizer(P, E->Var, TF->Name, E->Loc.File);
        if (O && !Opt)
          Opt = O;
        if (O && !O->ModelName.empty() && O->ModelName != ModelName)
          S.OptimizerHoldsModel = false;
        Push(Action::Step);
        break;
      }
      case ir::StepOp::Optimizer:
        if (E->OptimizerIndex >= 0 &&
            size_t(E->OptimizerIndex) < P.Optimizers.size()) {
          const ir::Optimizer &O = P.Optimizers[size_t(E->OptimizerIndex)];
          if (O.ModelName.empty() || O.ModelName == ModelName) {
            if (!Opt)
              Opt = &O;
            if (W == Where::Inside)
              S.Each.push_back(Action::ResetOptimizer);
            else if (W == Where::Around && Loop && Loop->Trips && *Loop->Trips > 0)
              // Rebuilt once per iteration of an outer loop: every time
              // the training loop has run through.
              S.ResetEvery = *Loop->Trips;
          }
        }
        break;
      case ir::StepOp::Train:
        if (!OtherModel)
          Push(Action::Train);
        break;
      case ir::StepOp::Eval:
        if (!OtherModel)
          Push(Action::Eval);
        break;
      case ir::StepOp::ClipGrad:
        S.Assumptions.push_back("gradient clipping ignored");
        break;
      }
    }
    S.Each.insert(S.Each.begin(), AroundZero.begin(), AroundZero.end());
    bool HasForward = std::count(S.Each.begin(), S.Each.end(), Action::Forward);
    bool HasLoss = std::count(S.Each.begin(), S.Each.end(), Action::Loss);
    if (!HasLoss)
      S.Each.insert(S.Each.begin(), Action::Loss);
    if (!HasForward)
      S.Each.insert(S.Each.begin(), Action::Forward);
    if (!HasForward || !HasLoss)
      S.Assumptions.push_back("forward and loss assumed at the top of the step");
  } else {
    S.Each = {Action::ZeroGrad, Action::Forward, Action::Loss, Action::Backward,
              Action::Step};
    S.Assumptions.push_back("no training function found: zero_grad, forward, "
                            "loss, backward, step assumed");
  }

  // Members forward() uses that were never registered: parameters()
  // does not hold them, so no optimizer built from it does.
  if (M->ConstructorKnown)
    for (const ir::Member &Mem : M->Members)
      if (Mem.UsedInForward && !Mem.Registered && !Mem.IsTensor)
        S.Frozen.insert(Mem.Name);

  if (!Opt)
    for (const ir::Optimizer &O : P.Optimizers)
      if (O.ModelName == ModelName) {
        Opt = &O;
        break;
      }
  if (!Opt && P.Optimizers.size() == 1 && P.Models.size() == 1)
    Opt = &P.Optimizers.front();
  if (Opt) {
    StatusOr<OptimizerConfig> C = configFor(*Opt);
    if (!C)
      return C.status();
    S.Opt = *C;
  } else {
    S.Opt = OptimizerConfig();
    S.Assumptions.push_back("no optimizer found: Adam at 1e-3 assumed");
  }
  S.OptName = makeOptimizer(S.Opt)->kind();

  if (LossEv) {
    if (LossEv->Loss != ir::LossKind::Unknown)
      S.Loss = LossEv->Loss;
    else
      S.Assumptions.push_back("loss not known: mse");
    S.CallSiteActs = LossEv->CallSiteActs;
    if (LossEv->Target) {
      S.Target.Features = LossEv->Target->Features;
      S.Target.Blocks = LossEv->Target->Blocks;
      S.Target.Normalized = LossEv->Target->Normalized;
      S.Target.Dist = LossEv->Target->Dist;
      S.Target.Formula = LossEv->Target->Formula;
    }
  } else {
    S.Assumptions.push_back("no loss found: mse");
  }
  bool BatchKnown = false;
  if (ForwardEv && ForwardEv->Input) {
    const ir::DataInfo &D = *ForwardEv->Input;
    S.Input.Var = D.Var;
    S.Input.Features = D.Features;
    S.Input.Blocks = D.Blocks;
    S.Input.Normalized = D.Normalized;
    S.Input.Dist = D.Dist;
    std::optional<int64_t> Rows = D.Rows;
    if (D.Dims.size() >= 2) {
      // An image or a sequence: the sample is every dimension but the
      // first, not size(1). A sequence-first recurrent model reads
      // [L, N, ...]: the batch is dimension 1.
      std::vector<int64_t> Dims = D.Dims;
      if (sequenceFirst(ir::flatten(M->Chain))) {
        std::swap(Dims[0], Dims[1]);
        Rows = Dims[0];
      }
      S.Input.SampleDims.assign(Dims.begin() + 1, Dims.end());
      int64_t N = 1;
      for (int64_t X : S.Input.SampleDims)
        N *= X;
      S.Input.Features = N;
    }
    if (Rows) {
      S.Batch = std::clamp<int64_t>(*Rows, 2, 1024);
      BatchKnown = true;
    }
  }
  if (!BatchKnown)
    S.Assumptions.push_back("batch size not stated: 64 rows");
  if (S.Input.Blocks.empty() && !S.Input.Normalized)
    S.Assumptions.push_back("input values not stated: N(0, 1)");
  if (!S.Target.Formula.empty() && !formulaOf(S.Target.Formula, S.Input.Var)) {
    S.Assumptions.push_back("the targets' formula names a tensor other than "
                            "the input: ignored");
    S.Target.Formula.clear();
  }
  bool OwnTargets = !S.Target.Formula.empty() ||
                    (S.Target.Dist != ir::DataDist::Unknown &&
                     !S.Target.Blocks.empty() && !S.Target.Normalized);
  if (OwnTargets)
    ; // drawn as the code states them
  else if (!S.Target.Blocks.empty() && !S.Target.Normalized)
    S.Assumptions.push_back("targets not stated beyond their range: a "
                            "random monotone function of the input");
  else
    S.Assumptions.push_back("targets not stated: a random monotone function "
                            "of the input");
  return S;
}

static bool isSaturating(ir::ActivationKind K) {
  return K == ir::ActivationKind::Sigmoid || K == ir::ActivationKind::Tanh;
}

/// Index of the output activation in a flattened chain: the trailing
/// activation after the last layer with parameters, or -1.
static int outputActivation(const std::vector<ir::Layer> &Chain) {
  for (int I = int(Chain.size()) - 1; I >= 0; --I) {
    if (Chain[I].Kind == ir::LayerKind::Activation)
      return I;
    if (ir::hasParameters(Chain[I].Kind))
      return -1;
  }
  return -1;
}

Status applyFix(TrainingSetup &S, const ir::Fix &F) {
  std::vector<ir::Layer> Chain = ir::flatten(S.Model.Chain);
  int Out = outputActivation(Chain);
  switch (F.Kind) {
  case ir::FixKind::ReplaceActivations:
    // Hidden sigmoid/tanh only: the output activation serves the loss.
    for (int I = 0; I < int(Chain.size()); ++I)
      if (I != Out && Chain[I].Kind == ir::LayerKind::Activation &&
          isSaturating(Chain[I].Act)) {
        Chain[I].Act = F.NewAct;
        Chain[I].ActParam.reset();
      }
    break;
  case ir::FixKind::DefaultInit:
    if (F.InitLoc.isValid()) {
      // Only the flagged init: the model's other inits are part of the
      // program as written.
      auto Same = [&](const ir::Init &I) {
        return I.Loc.File == F.InitLoc.File && I.Loc.Line == F.InitLoc.Line &&
               I.Loc.Column == F.InitLoc.Column;
      };
      auto &Inits = S.Model.Inits;
      Inits.erase(std::remove_if(Inits.begin(), Inits.end(), Same), Inits.end());
    } else {
      S.Model.Inits.clear();
    }
    break;
  case ir::FixKind::SetLearningRate:
    if (!F.Value)
      return Status::error("the fix's learning rate is missing");
    S.Opt.LR = *F.Value;
    break;
  case ir::FixKind::StandardizeInput:
    S.Input.Standardize = true;
    break;
  case ir::FixKind::RemoveOutputActivation:
    if (!S.CallSiteActs.empty())
      S.CallSiteActs.pop_back();
    else if (Out >= 0)
      Chain.erase(Chain.begin() + Out);
    else
      return Status::error("the model has no output activation to remove");
    break;
  case ir::FixKind::ReplaceOutputActivation:
    if (!S.CallSiteActs.empty())
      S.CallSiteActs.back() = F.NewAct;
    else if (Out >= 0) {
      Chain[size_t(Out)].Act = F.NewAct;
      Chain[size_t(Out)].ActParam.reset();
    } else
      S.CallSiteActs.push_back(F.NewAct);
    break;
  case ir::FixKind::AddZeroGrad:
    if (!std::count(S.Each.begin(), S.Each.end(), Action::ZeroGrad))
      S.Each.insert(S.Each.begin(), Action::ZeroGrad);
    break;
  case ir::FixKind::CreateOptimizerOnce: {
    auto Reset = [](Action A) { return A == Action::ResetOptimizer; };
    size_t Before = S.Each.size() + size_t(S.ResetEvery > 0);
    S.Each.erase(std::remove_if(S.Each.begin(), S.Each.end(), Reset), S.Each.end());
    if (Before == S.Each.size())
      return Status::error("the probed loop does not re-create the optimizer "
                           "(how often it is rebuilt is not known)");
    S.ResetEvery = 0;
    break;
  }
  case ir::FixKind::TrainMode: {
    bool Any = false;
    for (std::vector<Action> *V : {&S.Once, &S.Each})
      for (Action &A : *V)
        if (A == Action::Eval) {
          A = Action::Train;
          Any = true;
        }
    if (!Any)
      return Status::error("the probed step never switches to eval mode");
    break;
  }
  case ir::FixKind::CompleteStep: {
    // backward() and step() right after the last loss, zero_grad() (only
    // when the code clears at all) before everything else: the one change
    // is the order and presence of these three.
    bool Clears = std::count(S.Each.begin(), S.Each.end(), Action::ZeroGrad);
    auto Step = [](Action A) {
      return A == Action::ZeroGrad || A == Action::Backward || A == Action::Step;
    };
    S.Each.erase(std::remove_if(S.Each.begin(), S.Each.end(), Step), S.Each.end());
    auto LastLoss = std::find(S.Each.rbegin(), S.Each.rend(), Action::Loss);
    auto At = LastLoss == S.Each.rend() ? S.Each.end() : LastLoss.base();
    At = S.Each.insert(At, Action::Backward);
    S.Each.insert(At + 1, Action::Step);
    if (Clears)
      S.Each.insert(S.Each.begin(), Action::ZeroGrad);
    break;
  }
  case ir::FixKind::None:
    break;
  }
  S.Model.Chain = Chain;
  return Status::ok();
}

/// How people write the activation's name in prose.
static std::string displayName(ir::ActivationKind K) {
  switch (K) {
  case ir::ActivationKind::ReLU:
    return "ReLU";
  case ir::ActivationKind::LeakyReLU:
    return "LeakyReLU";
  case ir::ActivationKind::ELU:
    return "ELU";
  case ir::ActivationKind::GELU:
    return "GELU";
  case ir::ActivationKind::SiLU:
    return "SiLU";
  case ir::ActivationKind::ReLU6:
    return "ReLU6";
  default:
    return std::string(ir::name(K));
  }
}

std::string describeFix(const ir::Fix &F) {
  if (!F.Description.empty())
    return F.Description;
  std::string Act = displayName(F.NewAct);
  switch (F.Kind) {
  case ir::FixKind::ReplaceActivations:
    return Act + " in place of the sigmoids/tanhs";
  case ir::FixKind::DefaultInit:
    return "the default initialisation";
  case ir::FixKind::SetLearningRate:
  {
    char Buf[32];
    std::snprintf(Buf, sizeof Buf, "%g", F.Value.value_or(0.0));
    return "a learning rate of " + std::string(Buf);
  }
  case ir::FixKind::StandardizeInput:
    return "standardised input";
  case ir::FixKind::RemoveOutputActivation:
    return "no output activation";
  case ir::FixKind::ReplaceOutputActivation:
    return Act + " as the output activation";
  case ir::FixKind::AddZeroGrad:
    return "zero_grad in each step";
  case ir::FixKind::CreateOptimizerOnce:
    return "the optimizer built once before the loop";
  case ir::FixKind::TrainMode:
    return "train() in place of eval()";
  case ir::FixKind::CompleteStep:
    return "backward() then step() in each iteration";
  case ir::FixKind::None:
    return "no change";
  }
  return "the fix";
}

} // namespace gradlint::probe
